package se.skyddsnat.casework;

/**
 * A referral cannot make the asked transition — not in this state (accept a draft, send twice), not by this
 * unit (accept by the sender), not for this kind of target. Carries a message key with arguments (which may be
 * message resolvables) for the user's language; 409 in the API.
 */
public class ReferralRefused extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public ReferralRefused(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
