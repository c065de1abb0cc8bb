package se.skyddsnat.casework.referral;

import java.util.Locale;
import se.skyddsnat.shared.Code;

/**
 * How a referral came to be closed: withdrawn by the sender before it was answered, done
 * (the handover is complete, or an external recipient has answered), or revoked by a
 * manager of the sending unit, which ends a share early.
 */
public enum ReferralClosing implements Code {

	WITHDRAWN, DONE, REVOKED;

	public static ReferralClosing of(String code) {
		return code == null ? null : valueOf(code.toUpperCase(Locale.ROOT));
	}

}
