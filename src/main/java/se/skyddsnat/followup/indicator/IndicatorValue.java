package se.skyddsnat.followup.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import se.skyddsnat.shared.Count;

/**
 * An indicator computed for a period, as it may be shown: its counts exact or suppressed,
 * its value (null when it cannot be shown: a count it rests on is hidden, or a share's
 * denominator is 0 — {@code undefined}, shown as "–"), and the parts of the breakdown
 * asked for.
 */
public record IndicatorValue(Indicator indicator, LocalDate from, LocalDate to, Count numerator, Count denominator,
		BigDecimal value, boolean undefined, Breakdown by, List<Part> parts) {

	/** One part of a breakdown: its key (a code) and count. */
	public record Part(String key, Count count) {
	}

	public String id() {
		return indicator.id();
	}

	/** Whether the value is a number that can be shown. */
	public boolean shown() {
		return value != null;
	}

	/**
	 * The mark to show instead of the value: "–" for a share of nothing, the hidden
	 * count's mark, or "x".
	 */
	public String mark() {
		if (undefined) {
			return "–";
		}
		if (value != null) {
			return null;
		}
		if (indicator.unit() == Unit.COUNT && numerator.isHidden()) {
			return numerator.mark();
		}
		return Count.HIDDEN_MARK;
	}

	/** Whether the value reached the target; null without a target or a shown value. */
	public Boolean onTarget() {
		return indicator.target() == null || value == null ? null : value.compareTo(indicator.target()) >= 0;
	}
}
