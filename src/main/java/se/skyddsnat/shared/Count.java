package se.skyddsnat.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * A count as it leaves a unit: exact; small ({@value #SMALL_MARK}: a count from 1 to 4);
 * hidden ({@value #HIDDEN_MARK}: a count of 5 or more hidden so that a small one cannot
 * be worked out from it); or withheld ({@value #WITHHELD_MARK}: any count, 0 included —
 * only where the marks themselves would give a small count away). A count that is not
 * exact does not carry its value, so nothing downstream can show it by mistake. Made by
 * {@link SuppressedTable} (or {@link #exact} where nothing is suppressed).
 */
public final class Count {

	/** How a count from 1 to 4 is shown, in the API, pages and files alike. */
	public static final String SMALL_MARK = "<5";

	/**
	 * How a count hidden to protect a small one is shown (secondary suppression); it may
	 * be any count from 5.
	 */
	public static final String HIDDEN_MARK = "x";

	/**
	 * How a count is shown that may be anything, 0 included ("uppgift inte tillgänglig",
	 * as in official statistics).
	 */
	public static final String WITHHELD_MARK = "..";

	public enum Shown {

		EXACT, SMALL, HIDDEN, WITHHELD

	}

	private static final Count SMALL = new Count(-1, Shown.SMALL);

	private static final Count HIDDEN = new Count(-1, Shown.HIDDEN);

	private static final Count WITHHELD = new Count(-1, Shown.WITHHELD);

	private final long value;

	private final Shown shown;

	private Count(long value, Shown shown) {
		this.value = value;
		this.shown = shown;
	}

	public static Count exact(long value) {
		if (value < 0) {
			throw new IllegalArgumentException("A count is not negative: " + value);
		}
		return new Count(value, Shown.EXACT);
	}

	static Count of(long value, Shown shown) {
		return switch (shown) {
			case EXACT -> exact(value);
			case SMALL -> SMALL;
			case HIDDEN -> HIDDEN;
			case WITHHELD -> WITHHELD;
		};
	}

	public Shown shown() {
		return shown;
	}

	public boolean isExact() {
		return shown == Shown.EXACT;
	}

	public boolean isHidden() {
		return shown != Shown.EXACT;
	}

	/**
	 * The value of an exact count; asking a hidden count for its value is a programming
	 * error.
	 */
	public long value() {
		if (shown != Shown.EXACT) {
			throw new IllegalStateException("A hidden count has no value to show");
		}
		return value;
	}

	/**
	 * The mark of a hidden count ({@value #SMALL_MARK}, {@value #HIDDEN_MARK},
	 * {@value #WITHHELD_MARK}); null for an exact one.
	 */
	public String mark() {
		return switch (shown) {
			case EXACT -> null;
			case SMALL -> SMALL_MARK;
			case HIDDEN -> HIDDEN_MARK;
			case WITHHELD -> WITHHELD_MARK;
		};
	}

	/**
	 * For JSON: the number, or the string {@value #SMALL_MARK}, {@value #HIDDEN_MARK} or
	 * {@value #WITHHELD_MARK}.
	 */
	@com.fasterxml.jackson.annotation.JsonValue
	public Object json() {
		return shown == Shown.EXACT ? (Object) value : mark();
	}

	/** For people: digits grouped the locale's way ("1 234"), or the mark. */
	public String text(Locale locale) {
		return shown == Shown.EXACT ? NumberFormat.getIntegerInstance(locale).format(value) : mark();
	}

	/**
	 * At least {@code n} for certain: an exact count of {@code n} or more (used for
	 * "target reached").
	 */
	public Boolean atLeast(long n) {
		return shown == Shown.EXACT ? value >= n : null;
	}

	/**
	 * The percentage (one decimal) of {@code part} in {@code whole}; 0.0 when the whole
	 * is an exact 0, null when either is hidden: a share of a hidden count would give it
	 * away.
	 */
	public static BigDecimal percent(Count part, Count whole) {
		if (whole.isExact() && whole.value == 0) {
			return BigDecimal.ZERO.setScale(1);
		}
		if (part.isHidden() || whole.isHidden()) {
			return null;
		}
		return BigDecimal.valueOf(part.value * 100L).divide(BigDecimal.valueOf(whole.value), 1, RoundingMode.HALF_UP);
	}

	/** Plain digits or the mark: CSV and logs of tests. */
	@Override
	public String toString() {
		return shown == Shown.EXACT ? Long.toString(value) : mark();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Count c && c.shown == shown && c.value == value;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(value) * 31 + shown.hashCode();
	}

}
