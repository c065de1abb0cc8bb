package se.skyddsnat.training;

import java.util.Locale;

/**
 * How a session is given: digital (a meeting link, sent only to booked participants) or
 * physical (a place).
 */
public enum SessionFormat {

	DIGITAL, PHYSICAL;

	/** As stored and in the API: {@code digital}, {@code physical}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
