package se.skyddsnat.casework;

import java.util.Locale;

/** How a case ended. */
public enum CaseOutcome {
    LEFT_PROSTITUTION, RETURNED_HOME, REFERRED_ON, NO_FURTHER_CONTACT, OTHER;

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CaseOutcome of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
