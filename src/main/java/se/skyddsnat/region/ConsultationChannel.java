package se.skyddsnat.region;

import java.util.Locale;
import java.util.Optional;

/** How a consultation was given. Forms, JSON and message keys use the lower-case code. */
public enum ConsultationChannel {
    PHONE, DIGITAL, IN_PERSON;

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConsultationChannel> parse(String code) {
        for (var value : values()) {
            if (value.code().equals(code == null ? null : code.trim())) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
