package se.skyddsnat.followup;

import java.time.LocalDate;
import java.util.List;

import se.skyddsnat.shared.Count;

/**
 * (Public for the templates' expression language only.) The usage per municipality in a
 * period as it may be shown: one row per municipality of the cost split's area for the
 * year of {@code to}, then — for what cannot be placed in the area — municipalities
 * outside it (only when any count is not 0), abroad and unknown home. Counts are exact,
 * or suppressed (primary and secondary) by {@link UsageService}: people met through
 * outreach's one table of the period, consultations and notices through a table of their
 * own.
 *
 * @param costYear the year of {@code to}: the cost split's year
 * @param costTotal the cost of that year, in whole kronor (the sum of the shares)
 * @param withheld too few to protect with fewer hidden counts: the counts of a column
 * group are all "x"
 */
public record UsageFigures(LocalDate from, LocalDate to, int costYear, long costTotal, List<Row> rows, Row sum,
		boolean withheld) {

	/** What a row stands for. */
	public enum Kind {

		MUNICIPALITY, ELSEWHERE, ABROAD, UNKNOWN, SUM

	}

	/**
	 * One row. {@code consultations}, {@code notices} and {@code share} are null where
	 * they do not apply (abroad, unknown home; no share outside the area);
	 * {@code trained} is training's participants who attended (by the municipality they
	 * work in), null abroad and for unknown home; {@code joined} and {@code host} apply
	 * to municipalities of the area only. Money is not a count: {@code share} is always
	 * exact.
	 */
	public record Row(Kind kind, String code, String name, Count exposed, Count buyers, Count consultations,
			Count notices, Count trained, Long share, boolean joined, boolean host) {

		public boolean municipality() {
			return kind == Kind.MUNICIPALITY;
		}
	}
}
