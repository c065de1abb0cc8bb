package se.skyddsnat.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts of everything one output shows (a page, its files, an API answer), with what
 * a reader knows about how they hang together: which counts add up to which
 * ({@link #sum}) and which are "of whom" parts of others ({@link #atMost}). Every table
 * that leaves a unit is built as one of these and shown through {@link #publish}: exact,
 * or with primary and secondary suppression (see {@link SuppressedTable}).
 *
 * <p>
 * A count that appears in several places (a column total that is also a figure of its
 * own) is one cell, added once; the sums say where it appears. Keys are the caller's:
 * strings, records, anything with equals.
 *
 * @param <K> the caller's key of a count
 */
public final class CountTable<K> {

	/**
	 * One count: its key (the caller's, or a {@link Rest} for an unpublished difference),
	 * value and whether it is shown.
	 */
	public record Cell(Object key, long value, boolean published) {
	}

	/** {@code total} is the sum of {@code parts}. */
	public record Sum(Object total, List<Object> parts) {
	}

	/**
	 * The unpublished rest of an "of whom": {@code whole − part}, which a reader can work
	 * out when both are shown.
	 */
	public record Rest(Object whole, Object part) {
	}

	private final Map<Object, Integer> index = new HashMap<>();

	private final List<Object> keys = new ArrayList<>();

	private long[] values = new long[16];

	private boolean[] published = new boolean[16];

	private final List<int[]> sums = new ArrayList<>();

	/** A count that is shown. Each key once. */
	public CountTable<K> count(K key, long value) {
		add(key, value, true);
		return this;
	}

	/**
	 * {@code total} = the sum of {@code parts} (all already added), as the figures
	 * themselves must show.
	 */
	public CountTable<K> sum(K total, Collection<? extends K> parts) {
		int[] members = new int[parts.size() + 1];
		members[0] = indexOf(total);
		long sum = 0;
		int i = 1;
		for (K part : parts) {
			members[i++] = indexOf(part);
			sum += values[members[i - 1]];
		}
		if (sum != values[members[0]]) {
			throw new IllegalArgumentException(
					"The counts do not add up: " + total + " = " + values[members[0]] + ", its parts " + sum);
		}
		sums.add(members);
		return this;
	}

	@SafeVarargs
	public final CountTable<K> sum(K total, K... parts) {
		return sum(total, Arrays.asList(parts));
	}

	/**
	 * {@code part} is "of whom" of {@code whole} (minors of those met, accepted of those
	 * offered): the rest, {@code whole − part}, is a count of people too. It is never
	 * shown, but a reader who sees both can work it out, so it is protected like any
	 * shown count. Figures that break the relation (a part larger than its whole: data
	 * recorded against the rules) add nothing, as the reader's assumption would then be
	 * wrong anyway.
	 */
	public CountTable<K> atMost(K part, K whole) {
		int p = indexOf(part);
		int w = indexOf(whole);
		if (values[p] > values[w]) {
			return this;
		}
		Rest rest = new Rest(whole, part);
		int r = add(rest, values[w] - values[p], false);
		sums.add(new int[] { w, p, r });
		return this;
	}

	/**
	 * The counts as they may leave: every count exact when {@code suppress} is false;
	 * otherwise counts from 1 to 4 as {@value Count#SMALL_MARK} and as many further
	 * counts as {@value Count#HIDDEN_MARK} as it takes for every hidden count to have at
	 * least two values consistent with everything shown.
	 */
	public SuppressedTable<K> publish(boolean suppress) {
		int n = keys.size();
		long[] v = Arrays.copyOf(values, n);
		boolean[] shown = Arrays.copyOf(published, n);
		if (!suppress) {
			byte[] exact = new byte[n];
			return new SuppressedTable<>(Map.copyOf(index), v, exact, false, false);
		}
		Suppressor suppressor = new Suppressor(v, shown, sums);
		byte[] status = suppressor.run();
		return new SuppressedTable<>(Map.copyOf(index), v, status, true, suppressor.withheld());
	}

	/** Every count, shown or not, in the order added: for tests that play the reader. */
	public List<Cell> cells() {
		var cells = new ArrayList<Cell>(keys.size());
		for (int i = 0; i < keys.size(); i++) {
			cells.add(new Cell(keys.get(i), values[i], published[i]));
		}
		return cells;
	}

	/** Every sum, "of whom" rests included ({@code whole = part + rest}). */
	public List<Sum> sums() {
		return sums.stream()
			.map(m -> new Sum(keys.get(m[0]), Arrays.stream(m, 1, m.length).mapToObj(keys::get).toList()))
			.toList();
	}

	private int add(Object key, long value, boolean shown) {
		if (value < 0) {
			throw new IllegalArgumentException("A count is not negative: " + key + " = " + value);
		}
		if (index.putIfAbsent(key, keys.size()) != null) {
			throw new IllegalArgumentException("Each count once: " + key);
		}
		int i = keys.size();
		keys.add(key);
		if (i == values.length) {
			values = Arrays.copyOf(values, i * 2);
			published = Arrays.copyOf(published, i * 2);
		}
		values[i] = value;
		published[i] = shown;
		return i;
	}

	private int indexOf(Object key) {
		Integer i = index.get(key);
		if (i == null) {
			throw new IllegalArgumentException("No such count: " + key);
		}
		return i;
	}

}
