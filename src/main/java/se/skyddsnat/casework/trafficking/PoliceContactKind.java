package se.skyddsnat.casework.trafficking;

import java.util.Locale;

/** A police or prosecutor contact that the worker attended with the person. */
public enum PoliceContactKind {
    POLICE_INTERVIEW, PROSECUTOR_MEETING, COURT_HEARING, OTHER;

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PoliceContactKind of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
