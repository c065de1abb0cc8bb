package se.skyddsnat.casework.journal;

import java.util.Locale;

/** How a contact took place. */
public enum JournalChannel {
    IN_PERSON, PHONE, DIGITAL;

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JournalChannel of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
