package se.skyddsnat.region;

import java.util.Locale;
import java.util.Optional;

/** What a consultation was about, as a category only: the case itself is never described. */
public enum ConsultationTopic {
    TRAFFICKING_SUSPICION, MINOR, BUYER, OTHER;

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConsultationTopic> parse(String code) {
        for (var value : values()) {
            if (value.code().equals(code == null ? null : code.trim())) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
