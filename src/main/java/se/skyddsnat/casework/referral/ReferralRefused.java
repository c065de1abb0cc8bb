package se.skyddsnat.casework.referral;

import se.skyddsnat.shared.Refused;

/**
 * A referral cannot make the asked transition — not in this state (accept a draft, send
 * twice), not by this unit (accept by the sender), not for this kind of target. Carries a
 * message key with arguments (which may be message resolvables) for the user's language;
 * 409 in the API.
 */
public class ReferralRefused extends Refused {

	public ReferralRefused(String messageKey, Object... args) {
		super(409, messageKey, args);
	}

	@Override
	public String titleKey() {
		return "referral.problem.title";
	}

}
