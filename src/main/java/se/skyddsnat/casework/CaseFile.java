package se.skyddsnat.casework;

import java.time.LocalDate;
import java.util.List;

import se.skyddsnat.shared.UnitCode;

/**
 * A case (ärende) of a unit, with the people in it that the reader may see. {@code handoverOnly}: the reader sees the
 * case through an accepted referral, so only the people it names and none of the case's records (journal, track,
 * Stödcentrum, consents) — see {@link CaseAccess}.
 */
public record CaseFile(long id, UnitCode unit, CaseKind kind, String responsible, boolean open, LocalDate openedOn,
        String reason, LocalDate closedOn, CaseOutcome outcome, Long encounterId, List<CasePerson> people,
        boolean handoverOnly) {

    /** The same case with the people in it that the reader may see, and whether the reader sees only a handover. */
    public CaseFile with(List<CasePerson> people, boolean handoverOnly) {
        return new CaseFile(id, unit, kind, responsible, open, openedOn, reason, closedOn, outcome, encounterId,
                List.copyOf(people), handoverOnly);
    }
}
