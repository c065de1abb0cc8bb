package se.skyddsnat.casework.stodcentrum;

import java.util.Locale;

/** How a Stödcentrum case goes on after the last of its support talks. */
public enum StodcentrumChoice {
    CLOSE,
    /** linking on to the ordinary social services */
    REFER_SOCIAL_SERVICES,
    /** linking on to child and adolescent psychiatry (BUP) */
    REFER_CHILD_PSYCHIATRY,
    /** more support talks, for a written reason */
    CONTINUE;

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StodcentrumChoice of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
