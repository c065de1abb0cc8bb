package se.skyddsnat.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The reader who tries to work hidden counts out, independent of the suppression code:
 * given the true counts, what is shown of each and the sums a reader knows, it decides
 * for every protected count whether another whole number agrees with everything shown —
 * by exhaustive search over whole numbers with interval propagation (branch on the
 * narrowest count, values nearest the truth first; first in a window of ±2 around the
 * truth, then over all values). What a reader knows: an exact count exactly, {@code <5}
 * is 1–4, {@code x} is 5 or more, {@code ..} any count (0 included), an unshown "of whom"
 * rest is 0 or more, every sum holds. Hidden counts above their truth are searched up to
 * {@link #SLACK} more: a second solution found there is a proof; none found fails the
 * test (a tighter box can only make the check stricter).
 */
public final class DisclosureCheck {

	/** What the reader sees of a count. */
	public enum Seen {

		EXACT, SMALL, HIDDEN, UNSHOWN, WITHHELD

	}

	static final long SLACK = 12;

	private static final long NODE_LIMIT = 3_000_000;

	private final List<String> names = new ArrayList<>();

	private final Map<String, Integer> byName = new HashMap<>();

	private long[] truth = new long[16];

	private final List<Seen> seen = new ArrayList<>();

	private final List<int[]> sums = new ArrayList<>();

	private long nodes;

	public int cell(String name, long value, Seen shown) {
		if (byName.putIfAbsent(name, names.size()) != null) {
			throw new IllegalArgumentException("twice: " + name);
		}
		switch (shown) {
			case SMALL -> check(value >= 1 && value <= 4, name + " is shown as <5 but is " + value);
			case HIDDEN -> check(value >= 5, name + " is shown as x but is " + value);
			default -> check(value >= 0, name + " is negative");
		}
		int i = names.size();
		names.add(name);
		if (i == truth.length) {
			truth = Arrays.copyOf(truth, i * 2);
		}
		truth[i] = value;
		seen.add(shown);
		return i;
	}

	/** {@code total} = Σ {@code parts}; the truth must add up. */
	public void sum(String total, List<String> parts) {
		int[] m = new int[parts.size() + 1];
		m[0] = index(total);
		long s = 0;
		for (int k = 0; k < parts.size(); k++) {
			m[k + 1] = index(parts.get(k));
			s += truth[m[k + 1]];
		}
		check(s == truth[m[0]], total + " = " + truth[m[0]] + " but its parts add up to " + s);
		sums.add(m);
	}

	public int index(String name) {
		Integer i = byName.get(name);
		if (i == null) {
			throw new IllegalArgumentException("no cell " + name);
		}
		return i;
	}

	public long truthOf(String name) {
		return truth[index(name)];
	}

	public boolean has(String name) {
		return byName.containsKey(name);
	}

	public Seen seenOf(String name) {
		return seen.get(index(name));
	}

	public static Seen seen(Count count) {
		return switch (count.shown()) {
			case EXACT -> Seen.EXACT;
			case SMALL -> Seen.SMALL;
			case HIDDEN -> Seen.HIDDEN;
			case WITHHELD -> Seen.WITHHELD;
		};
	}

	/** The reader's view of a table that went through {@link CountTable#publish}. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static DisclosureCheck of(CountTable<?> table, SuppressedTable<?> shown) {
		var check = new DisclosureCheck();
		for (var cell : table.cells()) {
			Seen s = !cell.published() ? Seen.UNSHOWN : seen(((SuppressedTable) shown).get(cell.key()));
			check.cell(String.valueOf(cell.key()), cell.value(), s);
		}
		for (var sum : table.sums()) {
			check.sum(String.valueOf(sum.total()), sum.parts().stream().map(String::valueOf).toList());
		}
		return check;
	}

	/**
	 * Whether a count must have a second possible value: everything hidden, and unshown
	 * rests from 1 to 4.
	 */
	private boolean isProtected(int i) {
		return switch (seen.get(i)) {
			case EXACT -> false;
			case UNSHOWN -> truth[i] >= 1 && truth[i] <= 4;
			case WITHHELD -> truth[i] > 0;
			default -> true;
		};
	}

	/**
	 * The protected counts that have only one value consistent with what is shown (empty:
	 * nothing leaks).
	 */
	public List<String> derivable() {
		long[] lo = new long[names.size()];
		long[] hi = new long[names.size()];
		bounds(lo, hi);
		check(feasible(lo.clone(), hi.clone()), "the true counts must agree with what is shown");
		var leaks = new ArrayList<String>();
		for (int x = 0; x < names.size(); x++) {
			if (isProtected(x) && possibleOtherThanTruth(x, lo, hi) == null) {
				leaks.add(names.get(x) + " = " + truth[x]);
			}
		}
		return leaks;
	}

	/**
	 * Another value of the count that agrees with everything shown, or null if there is
	 * none.
	 */
	public Long otherValue(String name) {
		long[] lo = new long[names.size()];
		long[] hi = new long[names.size()];
		bounds(lo, hi);
		return possibleOtherThanTruth(index(name), lo, hi);
	}

	/**
	 * First within a window of ±2 around every true count (a small box: fast, and any
	 * solution in it is a proof), then, if none is there, over the whole range each mark
	 * allows.
	 */
	private Long possibleOtherThanTruth(int x, long[] lo, long[] hi) {
		for (long window : new long[] { 2, Long.MAX_VALUE }) {
			long[] l = lo.clone();
			long[] h = hi.clone();
			if (window != Long.MAX_VALUE) {
				for (int i = 0; i < l.length; i++) {
					l[i] = Math.max(l[i], truth[i] - window);
					h[i] = Math.min(h[i], truth[i] + window);
				}
			}
			Long other = otherThanTruth(x, l, h);
			if (other != null) {
				return other;
			}
		}
		return null;
	}

	private Long otherThanTruth(int x, long[] lo, long[] hi) {
		long t = truth[x];
		if (lo[x] <= t - 1) {
			long[] l = lo.clone();
			long[] h = hi.clone();
			h[x] = t - 1;
			long[] solution = solve(l, h);
			if (solution != null) {
				return solution[x];
			}
		}
		if (t + 1 <= hi[x]) {
			long[] l = lo.clone();
			long[] h = hi.clone();
			l[x] = t + 1;
			long[] solution = solve(l, h);
			if (solution != null) {
				return solution[x];
			}
		}
		return null;
	}

	private void bounds(long[] lo, long[] hi) {
		for (int i = 0; i < names.size(); i++) {
			switch (seen.get(i)) {
				case EXACT -> {
					lo[i] = truth[i];
					hi[i] = truth[i];
				}
				case SMALL -> {
					lo[i] = 1;
					hi[i] = 4;
				}
				case HIDDEN -> {
					lo[i] = 5;
					hi[i] = truth[i] + SLACK;
				}
				default -> {
					lo[i] = 0;
					hi[i] = truth[i] + SLACK;
				}
			}
		}
	}

	private boolean feasible(long[] lo, long[] hi) {
		return solve(lo, hi) != null;
	}

	private long[] solve(long[] lo, long[] hi) {
		nodes = 0;
		return branch(lo, hi);
	}

	private long[] branch(long[] lo, long[] hi) {
		if (++nodes > NODE_LIMIT) {
			throw new AssertionError("undecided: the search gave up after " + NODE_LIMIT + " steps");
		}
		if (!propagate(lo, hi)) {
			return null;
		}
		int pick = -1;
		for (int i = 0; i < lo.length; i++) {
			if (lo[i] < hi[i] && (pick < 0 || hi[i] - lo[i] < hi[pick] - lo[pick])) {
				pick = i;
			}
		}
		if (pick < 0) {
			return lo;
		}
		long t = Math.min(Math.max(truth[pick], lo[pick]), hi[pick]);
		// values nearest the truth first: t, t+1, t-1, t+2, ...
		for (long step = 0; step <= hi[pick] - lo[pick] + Math.abs(t - lo[pick]); step++) {
			for (long value : step == 0 ? new long[] { t } : new long[] { t + step, t - step }) {
				if (value < lo[pick] || value > hi[pick]) {
					continue;
				}
				long[] l = lo.clone();
				long[] h = hi.clone();
				l[pick] = value;
				h[pick] = value;
				long[] solution = branch(l, h);
				if (solution != null) {
					return solution;
				}
			}
		}
		return null;
	}

	/**
	 * Bounds consistency over every sum until nothing changes; false when some count has
	 * no value left.
	 */
	private boolean propagate(long[] lo, long[] hi) {
		boolean changed = true;
		while (changed) {
			changed = false;
			for (int[] m : sums) {
				int t = m[0];
				long sumLo = 0;
				long sumHi = 0;
				for (int k = 1; k < m.length; k++) {
					sumLo += lo[m[k]];
					sumHi += hi[m[k]];
				}
				if (sumLo > lo[t]) {
					lo[t] = sumLo;
					changed = true;
				}
				if (sumHi < hi[t]) {
					hi[t] = sumHi;
					changed = true;
				}
				if (lo[t] > hi[t]) {
					return false;
				}
				for (int k = 1; k < m.length; k++) {
					int p = m[k];
					long newLo = lo[t] - (sumHi - hi[p]);
					long newHi = hi[t] - (sumLo - lo[p]);
					if (newLo > lo[p]) {
						sumLo += newLo - lo[p];
						lo[p] = newLo;
						changed = true;
					}
					if (newHi < hi[p]) {
						sumHi -= hi[p] - newHi;
						hi[p] = newHi;
						changed = true;
					}
					if (lo[p] > hi[p]) {
						return false;
					}
				}
			}
		}
		return true;
	}

	private static void check(boolean ok, String message) {
		if (!ok) {
			throw new AssertionError(message);
		}
	}

}
