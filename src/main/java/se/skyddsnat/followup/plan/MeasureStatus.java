package se.skyddsnat.followup.plan;

import java.util.Locale;

/** A measure's status at a follow-up. Forms and the database use the lower-case code. */
public enum MeasureStatus {

	NOT_STARTED, ONGOING, DONE, DROPPED;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
