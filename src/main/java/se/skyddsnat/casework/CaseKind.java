package se.skyddsnat.casework;

import java.util.Locale;

/** The kinds of case the units keep; each has a usual unit, but any unit may open any kind. */
public enum CaseKind {
    MIKA_SUPPORT, KAST_COUNSELLING, TRAFFICKING, YOUTH, STODCENTRUM_SUPPORT, ACUTE;

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CaseKind of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
