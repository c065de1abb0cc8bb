package se.skyddsnat.casework.journal;

import java.util.Locale;

/** What a journal entry records: a contact or an intervention. */
public enum JournalKind {
    SUPPORT_TALK, COUNSELLING, MOTIVATIONAL_TALK, PRACTICAL_SUPPORT,
    /** accompaniment to a police interview or to court */
    ACCOMPANIMENT, MEDICAL_REFERRAL, CONSULTATION;

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JournalKind of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
