package se.skyddsnat.followup.plan;

import java.util.Locale;

/**
 * The action plan's six development areas, in the plan's order. Forms and URLs use the
 * lower-case code.
 */
public enum Area {

	KNOWLEDGE, PREVENTION, OUTREACH, TREATMENT, SUPPORT, COOPERATION;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
