package se.skyddsnat.casework;

import java.util.Locale;

/**
 * Protected identity: a secrecy marking (sekretessmarkering) or protected registration (skyddad folkbokföring).
 * Either hides name and contact details in every list until an explicit, logged "show", and from exports.
 * (A fictitious identity looks ordinary by design and is not marked here.)
 */
public enum Protection {
    NONE, MARKING, PROTECTED_REGISTRATION;

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Protection of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
