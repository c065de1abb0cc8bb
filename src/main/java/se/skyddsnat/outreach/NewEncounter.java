package se.skyddsnat.outreach;

import se.skyddsnat.shared.UnitCode;

/**
 * One person met on a shift, recorded anonymously. {@code age} and {@code offeredBy} may
 * be null.
 */
public record NewEncounter(EncounterRole role, Gender gender, Integer age, Answer minor, Home home,
		boolean supportOffered, UnitCode offeredBy, Answer accepted) {

	/** Under 18: said so, or an age below 18. */
	public boolean isMinor() {
		return minor == Answer.YES || (age != null && age < 18);
	}
}
