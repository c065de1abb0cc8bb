package se.skyddsnat.followup.indicator;

import java.util.Locale;

/**
 * How an indicator's count may be split: gender, age group, home municipality, home as
 * the city, the rest of the county or outside it, the (first) unit of the shift, the role
 * of the person met, or minor or not.
 */
public enum Breakdown {

	GENDER, AGE_GROUP, HOME_MUNICIPALITY, HOME_AREA, UNIT, ROLE, MINOR;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Breakdown parse(String code) {
		return se.skyddsnat.shared.Input.codeOf(Breakdown.class, code);
	}

}
