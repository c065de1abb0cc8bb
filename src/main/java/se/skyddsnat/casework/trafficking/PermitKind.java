package se.skyddsnat.casework.trafficking;

import java.util.Locale;

/** What a permit application to Migrationsverket is for: the reflection period (betänketid) or a temporary residence permit. */
public enum PermitKind {
    REFLECTION_PERIOD, TEMPORARY_PERMIT;

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PermitKind of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
