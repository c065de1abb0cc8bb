package se.skyddsnat.training.course;

import java.util.Locale;

/**
 * A session is drafted, then published (bookable in its booking period), or cancelled.
 */
public enum SessionState {

	DRAFT, PUBLISHED, CANCELLED;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
