package se.skyddsnat.region.consultation;

import java.util.Locale;
import java.util.Optional;

/** How a consultation was given. Forms, JSON and message keys use the lower-case code. */
public enum ConsultationChannel {
    PHONE, DIGITAL, IN_PERSON;

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value for its code (lower case, as in forms and JSON); empty when the text is no code of it. */
    public static Optional<ConsultationChannel> parse(String code) {
        return Optional.ofNullable(se.skyddsnat.shared.Input.codeOf(ConsultationChannel.class, code));
    }
}
