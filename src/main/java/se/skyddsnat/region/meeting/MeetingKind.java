package se.skyddsnat.region.meeting;

import java.util.Locale;
import java.util.Optional;

/** The steering group (styrgrupp) or the preparation group (beredningsgrupp) that reports to it. */
public enum MeetingKind {
    STEERING, PREPARATION;

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value for its code (lower case, as in forms and JSON); empty when the text is no code of it. */
    public static Optional<MeetingKind> parse(String code) {
        return Optional.ofNullable(se.skyddsnat.shared.Input.codeOf(MeetingKind.class, code));
    }
}
