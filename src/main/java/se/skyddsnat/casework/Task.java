package se.skyddsnat.casework;

import java.time.LocalDate;

import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;

/**
 * A task for everyone in a unit until one of them records it as done (when, and to whom).
 * {@code subject} names the encounter it comes from in words ("Flicka, 16 år · påträffad
 * 2026-12-02, tillslag i lägenhet, Stockholm · hemkommun Botkyrka"), with the unit and
 * the municipality by name; all three are filled by the one describer of tasks.
 */
public record Task(long id, UnitCode unit, TaskKind kind, LocalDate dueDate, Long shiftId,
		MunicipalityCode municipality, LocalDate doneOn, String doneTo, String doneBy, boolean historical, Long caseId,
		Long encounterId, String subject, String unitName, String municipalityName) {

	public boolean open() {
		return doneOn == null;
	}

	public boolean overdueOn(LocalDate today) {
		return open() && dueDate.isBefore(today);
	}

	/** The same task described for a reader. */
	public Task described(String subject, String unitName, String municipalityName) {
		return new Task(id, unit, kind, dueDate, shiftId, municipality, doneOn, doneTo, doneBy, historical, caseId,
				encounterId, subject, unitName, municipalityName);
	}
}
