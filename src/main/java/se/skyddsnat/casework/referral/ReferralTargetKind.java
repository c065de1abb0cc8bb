package se.skyddsnat.casework.referral;

import java.util.Locale;

/**
 * To whom a referral goes: another unit of the organisation, or a body outside it — the home municipality's
 * social services, the district committee where a raid took place, health care, a civil-society organisation.
 * Personal data leaves the organisation only with the person's consent (or a manager's recorded override).
 */
public enum ReferralTargetKind {
    UNIT, MUNICIPALITY, DISTRICT, HEALTH_CARE, ORGANISATION;

    public boolean external() {
        return this != UNIT;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReferralTargetKind of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
