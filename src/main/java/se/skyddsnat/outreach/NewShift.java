package se.skyddsnat.outreach;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;

/**
 * A shift as recorded: when, own or joint (with the police operation), where, which units
 * took part, notes (never names), and the people met. {@code ref} is the import
 * reference, else null.
 */
public record NewShift(String ref, LocalDate date, LocalTime startTime, LocalTime endTime, ShiftKind kind,
		PoliceOperation policeOperation, Arena arena, MunicipalityCode municipality, List<UnitCode> units, String notes,
		List<NewEncounter> encounters) {

	public NewShift {
		units = List.copyOf(units);
		encounters = List.copyOf(encounters);
	}
}
