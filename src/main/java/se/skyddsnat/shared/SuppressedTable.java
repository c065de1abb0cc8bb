package se.skyddsnat.shared;

import java.util.Map;

/**
 * The counts of a {@link CountTable} as they may leave the unit. With suppression:
 * <ul>
 * <li><b>primary</b>: every shown count from 1 to 4 is {@value Count#SMALL_MARK}; 0 is
 * shown (it is exact and names nobody);</li>
 * <li><b>secondary</b>: further counts (each 5 or more) are {@value Count#HIDDEN_MARK},
 * chosen smallest first among those that add up with a hidden one, until every hidden
 * count — and every unshown "of whom" rest from 1 to 4 — has at least two values that
 * agree with every shown count and sum and with what the marks say
 * ({@value Count#SMALL_MARK} is 1–4, {@value Count#HIDDEN_MARK} is 5 or more,
 * {@value Count#WITHHELD_MARK} anything). Each such second solution is found and checked,
 * not assumed;</li>
 * <li>where the marks themselves pin a count (four {@value Count#SMALL_MARK} that add up
 * to a {@value Count#SMALL_MARK} can only be 1s) a few counts — a 0 or a marked one — are
 * {@value Count#WITHHELD_MARK} instead ({@link #withheld()}).</li>
 * </ul>
 * The same table gives the same result every time, so asking twice shows nothing more.
 */
public final class SuppressedTable<K> {

	private final Map<Object, Integer> index;

	private final long[] values;

	private final byte[] status;

	private final boolean suppressed;

	private final boolean withheld;

	SuppressedTable(Map<Object, Integer> index, long[] values, byte[] status, boolean suppressed, boolean withheld) {
		this.index = index;
		this.values = values;
		this.status = status;
		this.suppressed = suppressed;
		this.withheld = withheld;
	}

	/** The count as shown. */
	public Count get(K key) {
		Integer i = index.get(key);
		if (i == null) {
			throw new IllegalArgumentException("No such count: " + key);
		}
		return switch (status[i]) {
			case Suppressor.EXACT -> Count.exact(values[i]);
			case Suppressor.SMALL -> Count.of(values[i], Count.Shown.SMALL);
			case Suppressor.HIDDEN -> Count.of(values[i], Count.Shown.HIDDEN);
			case Suppressor.WITHHELD -> Count.of(values[i], Count.Shown.WITHHELD);
			default -> throw new IllegalArgumentException("Not a shown count: " + key);
		};
	}

	/** Whether small counts were suppressed. */
	public boolean suppressed() {
		return suppressed;
	}

	/**
	 * Whether any count is {@value Count#WITHHELD_MARK}: the marks alone would have given
	 * a small count away.
	 */
	public boolean withheld() {
		return withheld;
	}

}
