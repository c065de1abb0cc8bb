package se.skyddsnat.training.course;

import java.util.Locale;

/** Who a course is for. */
public enum Audience {

	JOINED_MUNICIPALITIES, CITY_STAFF, PROFESSIONALS;

	/**
	 * As stored and in the API: {@code joined_municipalities}, {@code city_staff},
	 * {@code professionals}.
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
