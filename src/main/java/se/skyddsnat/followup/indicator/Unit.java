package se.skyddsnat.followup.indicator;

import java.util.Locale;

/**
 * What an indicator's value is: a count, a percentage (a share times 100), or a count per
 * week of the period.
 */
public enum Unit {

	COUNT, PERCENT, PER_WEEK;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
