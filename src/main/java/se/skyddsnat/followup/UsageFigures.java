package se.skyddsnat.followup;

import java.time.LocalDate;
import java.util.List;

/**
 * (Public for the templates' expression language only.) The usage per municipality in a period, exact:
 * one row per municipality of the cost split's area for the year of {@code to}, then — for what cannot be
 * placed in the area — municipalities outside it (only when any count is not 0), abroad and unknown home.
 * Anything shown outside a unit goes through suppression in {@link UsageReport}.
 *
 * @param costYear  the year of {@code to}: the cost split's year
 * @param costTotal the cost of that year, in whole kronor (the sum of the shares)
 */
public record UsageFigures(LocalDate from, LocalDate to, int costYear, long costTotal, List<Row> rows, Row sum) {

    /** What a row stands for. */
    public enum Kind {
        MUNICIPALITY, ELSEWHERE, ABROAD, UNKNOWN, SUM
    }

    /**
     * One row. {@code consultations}, {@code notices} and {@code share} are null where they do not apply
     * (abroad, unknown home; no share outside the area); {@code joined} and {@code host} apply to
     * municipalities of the area only.
     */
    public record Row(Kind kind, String code, String name, long exposed, long buyers, Long consultations,
            Long notices, Long share, boolean joined, boolean host) {

        public boolean municipality() {
            return kind == Kind.MUNICIPALITY;
        }
    }
}
