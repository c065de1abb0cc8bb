package se.skyddsnat.identity;

import se.skyddsnat.shared.TextLimit;

/** The longest text the administration's fields take (the form, the API and the columns agree). */
public enum IdentityLimits implements TextLimit {
    /** The service checks its form ({@code [a-z0-9][a-z0-9._-]{2,63}}); the form's maxlength is this. */
    USERNAME(64, "identity.users.username"),
    USER_DISPLAY_NAME(200, "identity.users.display_name"),
    /** The user's identity at the identity provider (the configured claim's value). */
    EXTERNAL_ID(200, "identity.users.external_id"),
    /** Checked by {@link se.skyddsnat.shared.UnitCode}'s format; the form's maxlength is this. */
    UNIT_CODE(32, "identity.units.code"),
    UNIT_NAME(200, "identity.units.name");

    private final int max;
    private final String column;

    IdentityLimits(int max, String column) {
        this.max = max;
        this.column = column;
    }

    @Override
    public int max() {
        return max;
    }

    @Override
    public String column() {
        return column;
    }
}
