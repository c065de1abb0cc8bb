package se.skyddsnat.casework;

import java.time.LocalDate;
import java.util.List;

import se.skyddsnat.shared.UnitCode;

/** A case (ärende) of a unit, with the people in it. */
public record CaseFile(long id, UnitCode unit, CaseKind kind, String responsible, boolean open, LocalDate openedOn,
        String reason, LocalDate closedOn, CaseOutcome outcome, Long encounterId, List<CasePerson> people) {
}
