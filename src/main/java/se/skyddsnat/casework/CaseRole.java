package se.skyddsnat.casework;

import java.util.Locale;

/** A person's part in a case. */
public enum CaseRole {
    EXPOSED, BUYER, RELATIVE, CHILD;

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CaseRole of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
