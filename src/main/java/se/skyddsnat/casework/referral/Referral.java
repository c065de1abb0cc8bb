package se.skyddsnat.casework.referral;

import java.time.Instant;
import java.util.List;

import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;
import se.skyddsnat.casework.Person;

/**
 * A referral (länkning, överlämning) of a case: from the case's unit to another unit ({@code toUnit}) or to a
 * body outside the organisation, with its handover summary, its state and its history. {@code people} (each
 * with the consent that covers them, if any) is filled only for a viewer who may read the case; a receiving
 * unit sees the summary but not the case until it has accepted.
 */
public record Referral(long id, long caseId, UnitCode fromUnit, ReferralTargetKind targetKind, UnitCode toUnit,
        MunicipalityCode municipality, String recipientName, String summary, ReferralState state, String createdBy,
        Instant createdAt, Instant sentAt, Instant answeredAt, Instant closedAt, ReferralClosing closedHow, String declineReason,
        String overrideReason, String overrideBy, boolean caseVisible, List<Member> people, List<Event> history) {

    /** A person the referral is about, with the consent that covers an external referral (null: none). */
    public record Member(Person person, Consent consent) {
    }

    /** One transition: who moved the referral from which state (null: created) to which, when, and why. */
    public record Event(ReferralState from, ReferralState to, String actor, Instant at, String note) {
    }

    public boolean external() {
        return targetKind.external();
    }

    /** An external referral whose people are not all covered by a consent (as far as the viewer can see). */
    public boolean consentMissing() {
        return external() && people.stream().anyMatch(m -> m.consent() == null);
    }

    /** The summary as paragraphs (the pages show each line as typed). */
    public List<String> summaryLines() {
        return summary == null ? List.of() : summary.lines().toList();
    }

    Referral with(boolean caseVisible, List<Member> people, List<Event> history) {
        return new Referral(id, caseId, fromUnit, targetKind, toUnit, municipality, recipientName, summary, state,
                createdBy, createdAt, sentAt, answeredAt, closedAt, closedHow, declineReason, overrideReason, overrideBy,
                caseVisible, List.copyOf(people), List.copyOf(history));
    }

    /** Whether the referral still stands (not declined, not closed): only then does the receiver read its summary. */
    public boolean ongoing() {
        return state != ReferralState.DECLINED && state != ReferralState.CLOSED;
    }

    /**
     * The referral as a reader outside the sending unit sees it: once it is declined or closed, what it shared is no
     * longer theirs to read — the summary goes, the facts of the referral itself (who, when, which state) stay.
     */
    Referral forReader(boolean inSendingUnit) {
        if (inSendingUnit || ongoing()) {
            return this;
        }
        return new Referral(id, caseId, fromUnit, targetKind, toUnit, municipality, recipientName, null, state,
                createdBy, createdAt, sentAt, answeredAt, closedAt, closedHow, declineReason, overrideReason, overrideBy,
                caseVisible, people, history);
    }
}
