package se.skyddsnat.casework.referral;

import java.util.Locale;

/**
 * How a referral came to be closed: withdrawn by the sender before it was answered, done (the handover is complete,
 * or an external recipient has answered), or revoked by a manager of the sending unit, which ends a share early.
 */
public enum ReferralClosing {
    WITHDRAWN, DONE, REVOKED;

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReferralClosing of(String code) {
        return code == null ? null : valueOf(code.toUpperCase(Locale.ROOT));
    }
}
