package se.skyddsnat.casework.referral;

import se.skyddsnat.shared.Code;

/**
 * To whom a referral goes: another unit of the organisation, or a body outside it — the
 * home municipality's social services, the district committee where a raid took place,
 * health care, a civil-society organisation. Personal data leaves the organisation only
 * with the person's consent (or a manager's recorded override).
 */
public enum ReferralTargetKind implements Code {

	UNIT, MUNICIPALITY, DISTRICT, HEALTH_CARE, ORGANISATION;

	public boolean external() {
		return this != UNIT;
	}

	public static ReferralTargetKind of(String code) {
		return Code.of(ReferralTargetKind.class, code);
	}

}
