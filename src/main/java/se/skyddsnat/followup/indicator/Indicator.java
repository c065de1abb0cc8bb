package se.skyddsnat.followup.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One indicator's definition. Its name, definition text and source are messages
 * {@code followup.indicator.<id>.name}, {@code .definition} and
 * {@code followup.indicator.source.<source>}.
 *
 * @param numerator the count, by the breakdown asked for (null: the one key
 * {@code total})
 * @param denominator the whole of a share (PERCENT), else null
 * @param factor the share's factor (100 for a percentage), 1 otherwise
 * @param target the target where one exists (4 joint shifts a week), else null
 * @param breakdowns the breakdowns the numerator allows
 * @param partOf the indicator this one is an "of whom" of (minors of those met), for
 * suppression; or null
 * @param protect whether the count is of people or their cases (suppressed); shifts,
 * meetings and municipalities are not
 * @param manual a figure entered by hand per period with its source, summed over the
 * periods inside the period
 */
public record Indicator(String id, Unit unit, String source, Computation numerator, Computation denominator,
		BigDecimal factor, BigDecimal target, List<Breakdown> breakdowns, String partOf, boolean protect,
		boolean manual) {

	/**
	 * Counts by key over a period (both dates inclusive); {@code by} null gives the one
	 * key {@code total}.
	 */
	@FunctionalInterface
	public interface Computation {

		Map<String, Long> count(Sources sources, LocalDate from, LocalDate to, Breakdown by);

	}

	public String nameKey() {
		return "followup.indicator." + id + ".name";
	}

	public String definitionKey() {
		return "followup.indicator." + id + ".definition";
	}

	public String sourceKey() {
		return "followup.indicator.source." + source;
	}

	public boolean allows(Breakdown by) {
		return by != null && breakdowns.contains(by);
	}
}
