package se.skyddsnat.training;

import java.util.Locale;

/** Who a lecture or information event was for (where the target group is met). */
public enum LectureAudience {

	HOTEL, HEALTH_CARE, SCHOOL, POLICE, CIVIL_SOCIETY, OTHER;

	/** As stored and in the API: {@code hotel}, {@code health_care}, ... */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
