package se.skyddsnat.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;

/** A recorded shift with the people met, as its units see it. */
public record ShiftView(long id, String ref, LocalDate date, LocalTime startTime, LocalTime endTime, ShiftKind kind,
		PoliceOperation policeOperation, Arena arena, MunicipalityCode municipality, List<UnitCode> units, String notes,
		boolean synthetic, String recordedBy, Instant recordedAt, List<Encounter> encounters, Instant voidedAt,
		String voidReason) {

	/**
	 * Voided (makulerad): recorded by mistake; out of the statistics, shown struck
	 * through.
	 */
	public boolean voided() {
		return voidedAt != null;
	}

	/** The encounters that count (not voided, on a shift that is not voided). */
	public List<Encounter> counted() {
		return voided() ? List.of() : encounters.stream().filter(e -> !e.voided()).toList();
	}

	/** One person met, anonymous. */
	public record Encounter(long id, int position, EncounterRole role, Gender gender, Integer age, Answer minor,
			Home home, boolean supportOffered, UnitCode offeredBy, Answer accepted, boolean isMinor, Instant voidedAt,
			String voidReason) {

		public boolean voided() {
			return voidedAt != null;
		}
	}

	/**
	 * A person met with the facts of the shift they were met on: what a task or a list
	 * names its encounter by (anonymous, like the rest of the shift).
	 */
	public record Met(long shiftId, LocalDate date, ShiftKind kind, PoliceOperation policeOperation, Arena arena,
			MunicipalityCode municipality, Encounter encounter) {
	}

	/**
	 * A row of the shift list: no encounter details, only counts (of the encounters not
	 * voided).
	 */
	public record Summary(long id, LocalDate date, ShiftKind kind, PoliceOperation policeOperation, Arena arena,
			MunicipalityCode municipality, List<UnitCode> units, int encounters, int minors, boolean voided) {
	}
}
