package se.skyddsnat.training;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * The counts of trainings for a period ({@code from} and {@code to} inclusive, days in
 * Europe/Stockholm), exact: a caller that shows them outside a unit puts them in a
 * {@link se.skyddsnat.shared.CountTable} and publishes them suppressed. A session is
 * <i>held</i> when it was published, not cancelled, and has ended, on the day it started.
 * Participants are those marked as attended (after the retention time from the counts
 * kept when their data was deleted). Municipalities are SCB codes, or {@code annan} for
 * "another" (outside the county's list).
 */
public interface TrainingFigures {

	/** Sessions held in the period, and by format. */
	Sessions sessionsHeld(LocalDate from, LocalDate to);

	/**
	 * Sessions held per calendar year from {@code fromYear} to {@code toYear} (every year
	 * present, 0 when none).
	 */
	Map<Integer, Long> sessionsHeldPerYear(int fromYear, int toYear);

	/**
	 * Participants who attended sessions held in the period, per municipality code
	 * ({@code annan} for another).
	 */
	Map<String, Long> attendedByMunicipality(LocalDate from, LocalDate to);

	/** Participants who attended sessions held in the period, per profession or role. */
	Map<Profession, Long> attendedByProfession(LocalDate from, LocalDate to);

	/**
	 * Lectures held in the period: how many and how many listened, in all and by audience
	 * kind.
	 */
	Lectures lectures(LocalDate from, LocalDate to);

	/**
	 * The share satisfied (4–5 of 5 on overall satisfaction) among the evaluation answers
	 * of sessions held in the period; empty when there are fewer than
	 * {@value #MIN_ANSWERS} answers.
	 */
	Optional<Satisfaction> satisfaction(LocalDate from, LocalDate to);

	/** Results are shown from this many answers. */
	int MIN_ANSWERS = 5;

	record Sessions(long held, Map<SessionFormat, Long> byFormat) {
		public Sessions {
			byFormat = Map.copyOf(byFormat);
		}
	}

	record Lectures(long count, long headCount, Map<LectureAudience, Long> countByAudience,
			Map<LectureAudience, Long> headCountByAudience) {
		public Lectures {
			countByAudience = Map.copyOf(countByAudience);
			headCountByAudience = Map.copyOf(headCountByAudience);
		}
	}

	/** {@code satisfied} of {@code answers} answered 4 or 5. */
	record Satisfaction(long satisfied, long answers) {
		/** The share satisfied, 0–1. */
		public double share() {
			return answers == 0 ? 0 : (double) satisfied / answers;
		}

		/** The share as whole per cent. */
		public long percent() {
			return Math.round(share() * 100);
		}
	}

}
