package se.skyddsnat.region;

import java.util.Locale;
import java.util.Optional;

/** The steering group (styrgrupp) or the preparation group (beredningsgrupp) that reports to it. */
public enum MeetingKind {
    STEERING, PREPARATION;

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MeetingKind> parse(String code) {
        for (var value : values()) {
            if (value.code().equals(code == null ? null : code.trim())) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
