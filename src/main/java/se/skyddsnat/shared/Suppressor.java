package se.skyddsnat.shared;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Primary and secondary suppression of one {@link CountTable}, by construction of proofs.
 *
 * <p>
 * What a reader knows: every shown count exactly; that {@value Count#SMALL_MARK} is 1–4,
 * {@value Count#HIDDEN_MARK} 5 or more (0 and 1–4 have marks of their own) and
 * {@value Count#WITHHELD_MARK} any count, 0 included; every sum. A hidden count is safe
 * when a second assignment of all counts agrees with all of that and gives it another
 * value. Such an assignment is the true counts plus a <em>witness</em> {@code d}:
 * integers, 0 on every shown count, every sum still holding
 * ({@code d(total) = Σ d(parts)}) and every hidden count still within what its mark says.
 * This class searches witnesses with entries −1, 0 or +1 (a depth-first search that
 * balances one sum at a time; in a table with margins these are the familiar "rectangles"
 * of ±1). A witness found is a proof for every count it moves; a witness not found only
 * makes the search hide more, so the result errs on the side of hiding.
 *
 * <p>
 * For each small count without a proof, in this order until a witness is found: with no
 * further cell hidden; letting 1, 2, 4, 8, then any number of shown counts move, smallest
 * first — those it moves are hidden as {@value Count#HIDDEN_MARK} (secondary
 * suppression); then, where the marks themselves pin a count (four
 * {@value Count#SMALL_MARK} that add up to a {@value Count#SMALL_MARK} can only be 1s),
 * also letting a 0 or a marked count move past what its mark says — those become
 * {@value Count#WITHHELD_MARK}. Should even that fail (the search is bounded), the
 * smallest shown count around is hidden and the search repeated, and as a last resort
 * every count that adds up with it becomes {@value Count#WITHHELD_MARK} (then doubling
 * every count of that part is a second solution). Hiding more never breaks a witness
 * already found, so the proofs accumulate. At the end a count hidden on the way that no
 * witness moves is shown again: it protects nothing.
 */
final class Suppressor {

	static final byte EXACT = 0;
	static final byte SMALL = 1;
	static final byte HIDDEN = 2;

	/**
	 * Never shown (an "of whom" rest); protected when 1–4, as a reader could work it out.
	 */
	static final byte LATENT = 3;

	/** Shown as {@value Count#WITHHELD_MARK}: any count, 0 included. */
	static final byte WITHHELD = 4;

	private static final int NODE_LIMIT = 20_000;

	private static final int[] BUDGETS = { 0, 1, 2, 4, 8, Integer.MAX_VALUE };

	private static final int[] RELABELS = { 1, 2, 4, Integer.MAX_VALUE };

	private static final int FREE = 0;

	private static final int HIDE = 1;

	private static final int RELABEL = 2;

	private final int n;

	private final long[] v;

	private final byte[] status;

	private final int[][] members;

	private final int[][] coefs;

	private final int[][] cellCons;

	private final int[][] cellCoefs;

	private final boolean[] covered;

	// the search's state: the witness d, each sum's imbalance, the sums out of balance,
	// the moves made
	private final int[] d;

	private final int[] imbalance;

	private final int[] active;

	private final int[] activeAt;

	private int activeCount;

	private final int[] moves;

	private int moveCount;

	private int nodes;

	private int budget;

	private int used;

	private int relabelBudget;

	private int relabelled;

	private final byte[] how;

	private int[][] candidates = new int[0][];

	private long[][] candidateKeys = new long[0][];

	Suppressor(long[] values, boolean[] published, List<int[]> sums) {
		n = values.length;
		v = values;
		status = new byte[n];
		for (int i = 0; i < n; i++) {
			status[i] = !published[i] ? LATENT : values[i] >= 1 && values[i] <= 4 ? SMALL : EXACT;
		}
		// each sum as Σ coef·x = 0: +1 for the parts, −1 for the total (merged should a
		// cell appear twice)
		members = new int[sums.size()][];
		coefs = new int[sums.size()][];
		int[] perCell = new int[n];
		for (int c = 0; c < sums.size(); c++) {
			int[] m = sums.get(c);
			Map<Integer, Integer> merged = new LinkedHashMap<>();
			merged.merge(m[0], -1, Integer::sum);
			for (int k = 1; k < m.length; k++) {
				merged.merge(m[k], 1, Integer::sum);
			}
			merged.values().removeIf(coef -> coef == 0);
			members[c] = merged.keySet().stream().mapToInt(Integer::intValue).toArray();
			coefs[c] = merged.values().stream().mapToInt(Integer::intValue).toArray();
			for (int j : members[c]) {
				perCell[j]++;
			}
		}
		cellCons = new int[n][];
		cellCoefs = new int[n][];
		for (int i = 0; i < n; i++) {
			cellCons[i] = new int[perCell[i]];
			cellCoefs[i] = new int[perCell[i]];
		}
		int[] filled = new int[n];
		for (int c = 0; c < members.length; c++) {
			for (int k = 0; k < members[c].length; k++) {
				int j = members[c][k];
				cellCons[j][filled[j]] = c;
				cellCoefs[j][filled[j]++] = coefs[c][k];
			}
		}
		covered = new boolean[n];
		d = new int[n];
		imbalance = new int[members.length];
		active = new int[members.length];
		activeAt = new int[members.length];
		moves = new int[n];
		how = new byte[n];
	}

	/** The status of every cell; a published one is EXACT, SMALL, HIDDEN or WITHHELD. */
	byte[] run() {
		for (int x = 0; x < n; x++) {
			if (sensitive(x) && !covered[x]) {
				protect(x);
			}
		}
		for (int y = 0; y < n; y++) {
			// moved by no witness: it protects nothing, and showing it breaks no witness
			// found
			if (status[y] == HIDDEN && !covered[y] && !witness(y, 0, 0)) {
				status[y] = EXACT;
			}
		}
		return status;
	}

	/** Whether any count is {@value Count#WITHHELD_MARK}. */
	boolean withheld() {
		for (byte b : status) {
			if (b == WITHHELD) {
				return true;
			}
		}
		return false;
	}

	private boolean sensitive(int i) {
		return status[i] == SMALL || status[i] == LATENT && v[i] >= 1 && v[i] <= 4;
	}

	private void protect(int x) {
		while (!covered[x]) {
			for (int b : BUDGETS) {
				if (witness(x, b, 0)) {
					return;
				}
			}
			for (int r : RELABELS) {
				if (witness(x, Integer.MAX_VALUE, r)) {
					return;
				}
			}
			int y = nearestShown(x);
			if (y < 0) {
				withholdAround(x);
				return;
			}
			status[y] = HIDDEN;
		}
	}

	/**
	 * Every shown count that adds up with {@code x}, directly or through others, becomes
	 * "..": doubling them all is a second solution.
	 */
	private void withholdAround(int x) {
		boolean[] seenCell = new boolean[n];
		boolean[] seenSum = new boolean[members.length];
		int[] queue = new int[n];
		int head = 0;
		int tail = 0;
		queue[tail++] = x;
		seenCell[x] = true;
		while (head < tail) {
			int cell = queue[head++];
			if (status[cell] != LATENT) {
				status[cell] = WITHHELD;
			}
			covered[cell] = true;
			for (int c : cellCons[cell]) {
				if (!seenSum[c]) {
					seenSum[c] = true;
					for (int j : members[c]) {
						if (!seenCell[j]) {
							seenCell[j] = true;
							queue[tail++] = j;
						}
					}
				}
			}
		}
	}

	/**
	 * Searches a witness that moves {@code x}, letting at most {@code allowed} shown
	 * counts move (they are then hidden as "x") and at most {@code relabels} counts move
	 * past what their mark says (they become ".."). Of the two directions, the one that
	 * hides least. On success every cell it moves is covered.
	 */
	private boolean witness(int x, int allowed, int relabels) {
		budget = allowed;
		relabelBudget = relabels;
		int[] best = null;
		byte[] bestHow = null;
		long bestCost = Long.MAX_VALUE;
		for (int dir : new int[] { 1, -1 }) {
			used = 0;
			relabelled = 0;
			nodes = 0;
			int kind = moveKind(x, dir);
			if (kind < 0) {
				continue;
			}
			apply(x, dir, kind);
			if (search(0)) {
				long cost = 0;
				for (int k = 0; k < moveCount; k++) {
					int j = moves[k];
					cost += how[j] == HIDE ? v[j] : how[j] == RELABEL ? 1L << 40 : 0;
				}
				if (cost < bestCost) {
					best = Arrays.copyOf(moves, moveCount);
					bestHow = new byte[moveCount];
					for (int k = 0; k < moveCount; k++) {
						bestHow[k] = how[moves[k]];
					}
					bestCost = cost;
				}
				while (moveCount > 0) {
					undo();
				}
				if (cost == 0) {
					break;
				}
			}
			else {
				undo();
			}
		}
		if (best == null) {
			return false;
		}
		for (int k = 0; k < best.length; k++) {
			int j = best[k];
			if (bestHow[k] == HIDE) {
				status[j] = HIDDEN;
			}
			else if (bestHow[k] == RELABEL) {
				status[j] = WITHHELD;
			}
			covered[j] = true;
		}
		return true;
	}

	private boolean search(int depth) {
		if (activeCount == 0) {
			return true;
		}
		if (++nodes > NODE_LIMIT) {
			return false;
		}
		// the sum with the fewest ways to balance it first
		int best = -1;
		int bestCount = Integer.MAX_VALUE;
		for (int a = 0; a < activeCount; a++) {
			int c = active[a];
			int need = Math.abs(imbalance[c]);
			int count = countCandidates(c, Math.max(bestCount, need));
			if (count < need) {
				return false;
			}
			if (count < bestCount) {
				best = c;
				bestCount = count;
			}
		}
		int sign = Integer.signum(imbalance[best]);
		int[] cells = buffer(depth, members[best].length);
		long[] keys = candidateKeys[depth];
		int found = 0;
		for (int k = 0; k < members[best].length; k++) {
			int j = members[best][k];
			int delta = -sign * coefs[best][k];
			int kind = d[j] == 0 ? moveKind(j, delta) : -1;
			if (kind >= 0) {
				keys[found++] = order(j, kind) << 1 | (delta > 0 ? 1 : 0);
			}
		}
		Arrays.sort(keys, 0, found);
		for (int k = 0; k < found; k++) {
			cells[k] = (int) ((keys[k] >>> 1) & 0xFFFFF);
		}
		for (int k = 0; k < found; k++) {
			int j = cells[k];
			int delta = (keys[k] & 1) == 1 ? 1 : -1;
			apply(j, delta, moveKind(j, delta));
			if (search(depth + 1)) {
				return true;
			}
			undo();
		}
		return false;
	}

	/**
	 * Hidden cells first (those in fewest sums first), then shown counts, smallest first,
	 * then marks overstepped.
	 */
	private long order(int j, int kind) {
		long secondary = kind == HIDE ? Math.min(v[j], (1L << 30) - 1) : kind == FREE ? cellCons[j].length : 0;
		return (long) kind << 51 | secondary << 20 | j;
	}

	private int countCandidates(int c, int limit) {
		int sign = Integer.signum(imbalance[c]);
		int count = 0;
		for (int k = 0; k < members[c].length && count < limit; k++) {
			int j = members[c][k];
			if (d[j] == 0 && moveKind(j, -sign * coefs[c][k]) >= 0) {
				count++;
			}
		}
		return count;
	}

	/**
	 * How cell j may change by delta (±1): FREE within what its mark says, HIDE a shown
	 * count (it becomes "x": 5 or more, and shown counts that are not 0 are 5 or more),
	 * RELABEL past its mark (it becomes ".."); −1 if not at all.
	 */
	private int moveKind(int j, int delta) {
		long to = v[j] + delta;
		boolean free = switch (status[j]) {
			case EXACT -> false;
			case SMALL -> to >= 1 && to <= 4;
			case HIDDEN -> to >= 5;
			default -> to >= 0;
		};
		if (free) {
			return FREE;
		}
		if (status[j] == EXACT && v[j] > 0 && to >= 5 && used < budget) {
			return HIDE;
		}
		if (status[j] != LATENT && to >= 0 && relabelled < relabelBudget) {
			return RELABEL;
		}
		return -1;
	}

	private void apply(int j, int delta, int kind) {
		d[j] = delta;
		how[j] = (byte) kind;
		if (kind == HIDE) {
			used++;
		}
		else if (kind == RELABEL) {
			relabelled++;
		}
		moves[moveCount++] = j;
		for (int k = 0; k < cellCons[j].length; k++) {
			shift(cellCons[j][k], cellCoefs[j][k] * delta);
		}
	}

	private void undo() {
		int j = moves[--moveCount];
		int delta = d[j];
		for (int k = 0; k < cellCons[j].length; k++) {
			shift(cellCons[j][k], -cellCoefs[j][k] * delta);
		}
		if (how[j] == HIDE) {
			used--;
		}
		else if (how[j] == RELABEL) {
			relabelled--;
		}
		d[j] = 0;
		how[j] = FREE;
	}

	private void shift(int c, int by) {
		int before = imbalance[c];
		int after = before + by;
		imbalance[c] = after;
		if (before == 0 && after != 0) {
			activeAt[c] = activeCount;
			active[activeCount++] = c;
		}
		else if (before != 0 && after == 0) {
			int last = active[--activeCount];
			active[activeAt[c]] = last;
			activeAt[last] = activeAt[c];
		}
	}

	private int[] buffer(int depth, int size) {
		if (depth >= candidates.length) {
			candidates = Arrays.copyOf(candidates, Math.max(depth + 1, candidates.length * 2));
			candidateKeys = Arrays.copyOf(candidateKeys, candidates.length);
		}
		if (candidates[depth] == null || candidates[depth].length < size) {
			candidates[depth] = new int[size];
			candidateKeys[depth] = new long[size];
		}
		return candidates[depth];
	}

	/**
	 * The smallest shown count (not 0) in a sum with {@code x}; if there is none, in a
	 * sum with the hidden cells reached from {@code x} through sums, nearest first. −1
	 * when every count around it is hidden or 0.
	 */
	private int nearestShown(int x) {
		boolean[] seenCell = new boolean[n];
		boolean[] seenSum = new boolean[members.length];
		int[] frontier = { x };
		seenCell[x] = true;
		while (frontier.length > 0) {
			int best = -1;
			int[] next = new int[0];
			int size = 0;
			for (int cell : frontier) {
				for (int c : cellCons[cell]) {
					if (seenSum[c]) {
						continue;
					}
					seenSum[c] = true;
					for (int j : members[c]) {
						if (status[j] == EXACT) {
							if (v[j] > 0 && (best < 0 || v[j] < v[best] || v[j] == v[best] && j < best)) {
								best = j;
							}
						}
						else if (!seenCell[j]) {
							seenCell[j] = true;
							if (size == next.length) {
								next = Arrays.copyOf(next, Math.max(4, size * 2));
							}
							next[size++] = j;
						}
					}
				}
			}
			if (best >= 0) {
				return best;
			}
			frontier = Arrays.copyOf(next, size);
		}
		return -1;
	}

}
