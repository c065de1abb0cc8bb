package se.skyddsnat.casework.referral;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A person's recorded consent to have their data passed on outside the organisation: how
 * it was given, when, to whom and for what ({@code scope}), and who recorded it. Recorded
 * in a case; covers that person's external referrals from the case.
 */
public record Consent(long id, long caseId, long personId, ConsentKind kind, LocalDate givenOn, String scope,
		String recordedBy, Instant recordedAt, Instant withdrawnAt, String withdrawnBy, String withdrawReason) {

	/** Withdrawn by the person: covers no new external referral. */
	public boolean withdrawn() {
		return withdrawnAt != null;
	}
}
