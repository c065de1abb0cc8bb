package se.skyddsnat.casework.referral;

import java.util.Locale;

/** How a person gave consent to have their data passed on. */
public enum ConsentKind {
    WRITTEN, ORAL;

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConsentKind of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
