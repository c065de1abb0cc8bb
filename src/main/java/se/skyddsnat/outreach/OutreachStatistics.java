package se.skyddsnat.outreach;

import java.time.LocalDate;
import java.util.List;

/**
 * The figures of a period (both dates inclusive), exact. Anything sent outside a unit
 * goes through suppression (1–4 shown as "&lt;5") where it is presented.
 */
public record OutreachStatistics(LocalDate from, LocalDate to, ShiftKind kind, long shifts, long jointShifts,
		long ownShifts, long surveillance, long raid, long encounters, long exposed, long exposedMinors, long buyers,
		long buyerMinors, long other, long otherMinors, long offeredSupport, long accepted,
		List<HomeRow> byHomeMunicipality, List<ArenaRow> byArena, List<WeekRow> jointShiftsPerWeek, int weeklyTarget) {

	/**
	 * People met by home: a municipality (code and name), {@code abroad} or
	 * {@code unknown}.
	 */
	public record HomeRow(String code, String name, long exposed, long buyers, long other) {
		public long total() {
			return exposed + buyers + other;
		}
	}

	public record ArenaRow(Arena arena, long shifts, long encounters) {
	}

	/** Joint shifts in the ISO week starting on {@code weekStart} (a Monday). */
	public record WeekRow(LocalDate weekStart, long jointShifts) {
	}

	public long minors() {
		return exposedMinors + buyerMinors + otherMinors;
	}

	/** Share 0..1 of the people met who were offered support; 0 when nobody was met. */
	public double offeredShare() {
		return encounters == 0 ? 0 : (double) offeredSupport / encounters;
	}

	/** Share 0..1 of those offered support who accepted it. */
	public double acceptedShare() {
		return offeredSupport == 0 ? 0 : (double) accepted / offeredSupport;
	}

	/** Weeks of the period in which joint shifts reached the weekly target. */
	public long weeksOnTarget() {
		return jointShiftsPerWeek.stream().filter(w -> w.jointShifts() >= weeklyTarget).count();
	}
}
