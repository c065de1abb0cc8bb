package se.skyddsnat.casework.trafficking;

import java.util.Locale;

/** Migrationsverket's decision on a permit application. */
public enum PermitDecision {
    GRANTED, REFUSED;

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PermitDecision of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
