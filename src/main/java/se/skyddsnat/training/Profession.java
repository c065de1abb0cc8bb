package se.skyddsnat.training;

import java.util.Locale;

/**
 * A participant's profession or role, chosen from a list so that participants can be
 * counted by it.
 */
public enum Profession {

	SOCIAL_WORKER, MANAGER, HEALTH_CARE, SCHOOL, POLICE, CIVIL_SOCIETY, OTHER;

	/** As stored and in the form: {@code social_worker}, ... */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
