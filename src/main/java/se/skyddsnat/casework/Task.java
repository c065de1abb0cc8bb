package se.skyddsnat.casework;

import java.time.LocalDate;

import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;

/** A task for everyone in a unit until one of them records it as done (when, and to whom). */
public record Task(long id, UnitCode unit, TaskKind kind, LocalDate dueDate, Long shiftId, MunicipalityCode municipality,
        LocalDate doneOn, String doneTo, String doneBy, boolean historical, Long caseId) {

    public boolean open() {
        return doneOn == null;
    }

    public boolean overdueOn(LocalDate today) {
        return open() && dueDate.isBefore(today);
    }
}
