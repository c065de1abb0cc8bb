package se.skyddsnat.casework.stodcentrum;

import java.util.List;

/**
 * Where a Stödcentrum case stands: its current support talks against the limit, whether
 * the choice of how to go on is due, the decisions made, and the age of each young person
 * in it on the opening date against the range served (a warning, never a refusal).
 */
public record StodcentrumStatus(long caseId, boolean open, int talks, int limit, boolean choiceRequired,
		List<StodcentrumDecision> decisions, int minAge, int maxAge, List<Age> ages) {

	/**
	 * The age of one young person (role exposed or child) on the opening date: exact, a
	 * range, or unknown.
	 */
	public record Age(long personId, Integer min, Integer max) {

		public boolean unknown() {
			return min == null && max == null;
		}

		public boolean exact() {
			return min != null && min.equals(max);
		}

		boolean outside(int from, int to) {
			return (max != null && max < from) || (min != null && min > to);
		}
	}

	/** The young people whose age is surely outside the range. */
	public List<Age> outsideRange() {
		return ages.stream().filter(a -> a.outside(minAge, maxAge)).toList();
	}

	public boolean ageUnknown() {
		return ages.stream().anyMatch(Age::unknown);
	}

	public boolean limitReached() {
		return talks >= limit;
	}
}
