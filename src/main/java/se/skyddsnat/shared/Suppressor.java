package se.skyddsnat.shared;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Primary and secondary suppression of one {@link CountTable}, by construction of proofs.
 *
 * <p>What a reader knows: every shown count exactly; that a {@value Count#SMALL_MARK} is 1–4 and a
 * {@value Count#HIDDEN_MARK} 5 or more (0 is always shown); every sum. A hidden count is safe when a second
 * assignment of all counts exists that agrees with all of that and gives it another value. Such an assignment is
 * the true counts plus a <em>witness</em> {@code d}: integers, 0 on every shown count, with every sum still
 * holding ({@code d(total) = Σ d(parts)}) and every hidden count still within what its mark says. This class
 * searches for witnesses with entries −1, 0 or +1 (a depth-first search that balances one sum at a time; for
 * tables with margins these are the familiar "rectangles" of ±1). A witness found is a proof for every count it
 * moves; a witness not found only makes the search hide more, so the result errs on the side of hiding.
 *
 * <p>For each small count without a proof: search with no further cell hidden; then allowing 1, 2, 4, 8 and any
 * number of shown counts to move, preferring hidden cells, then the smallest shown counts — the cells a witness
 * moves are then hidden (secondary suppression). Only if that fails too, the smallest shown count that adds up with
 * the small one (or with the hidden cells around it) is hidden and the search repeated. Hiding more never breaks
 * a witness already found, so the proofs accumulate. At the end, a count hidden on the way that no witness moves
 * is shown again: it protects nothing.
 */
final class Suppressor {

    static final byte EXACT = 0;
    static final byte SMALL = 1;
    static final byte HIDDEN = 2;
    /** Never shown (an "of whom" rest); protected when 1–4, as a reader could work it out. */
    static final byte LATENT = 3;

    private static final int NODE_LIMIT = 20_000;
    private static final int[] BUDGETS = { 0, 1, 2, 4, 8, Integer.MAX_VALUE };

    private final int n;
    private final long[] v;
    private final byte[] status;
    private final int[][] members;
    private final int[][] coefs;
    private final int[][] cellCons;
    private final int[][] cellCoefs;
    private final boolean[] covered;
    private boolean withheld;

    // the search's state: the witness d, each sum's imbalance, the sums out of balance, the moves made
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
    private int[][] candidates = new int[0][];
    private long[][] candidateKeys = new long[0][];

    Suppressor(long[] values, boolean[] published, List<int[]> sums) {
        n = values.length;
        v = values;
        status = new byte[n];
        for (int i = 0; i < n; i++) {
            status[i] = !published[i] ? LATENT : values[i] >= 1 && values[i] <= 4 ? SMALL : EXACT;
        }
        // each sum as Σ coef·x = 0: +1 for the parts, −1 for the total (merged should a cell appear twice)
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
    }

    /** The status of every cell; a published one is EXACT, SMALL or HIDDEN. */
    byte[] run() {
        for (int x = 0; x < n; x++) {
            if (sensitive(x) && !covered[x]) {
                protect(x);
                if (withheld) {
                    for (int i = 0; i < n; i++) {
                        if (status[i] != LATENT) {
                            status[i] = HIDDEN;
                        }
                    }
                    return status;
                }
            }
        }
        for (int y = 0; y < n; y++) {
            // moved by no witness: it protects nothing, and showing it breaks no witness found
            if (status[y] == HIDDEN && !covered[y] && !witness(y, 0)) {
                status[y] = EXACT;
            }
        }
        return status;
    }

    boolean withheld() {
        return withheld;
    }

    private boolean sensitive(int i) {
        return status[i] == SMALL || status[i] == LATENT && v[i] >= 1 && v[i] <= 4;
    }

    private void protect(int x) {
        while (!covered[x]) {
            for (int b : BUDGETS) {
                if (witness(x, b)) {
                    return;
                }
            }
            int y = nearestShown(x);
            if (y < 0) {
                withheld = true;
                return;
            }
            status[y] = HIDDEN;
        }
    }

    /**
     * Searches a witness that moves {@code x}, letting at most {@code allowed} shown counts move (they are then
     * hidden). On success every cell it moves is covered.
     */
    private boolean witness(int x, int allowed) {
        budget = allowed;
        int[] best = null;
        long bestCost = Long.MAX_VALUE;
        for (int dir : new int[] { 1, -1 }) {
            if (!movable(x, dir)) {
                continue;
            }
            used = 0;
            nodes = 0;
            apply(x, dir);
            if (search(0)) {
                // of the two directions, the one that hides the least (the sum of the shown counts it moves)
                long cost = 0;
                for (int k = 0; k < moveCount; k++) {
                    cost += status[moves[k]] == EXACT ? v[moves[k]] : 0;
                }
                if (cost < bestCost) {
                    best = Arrays.copyOf(moves, moveCount);
                    bestCost = cost;
                }
                while (moveCount > 0) {
                    undo();
                }
                if (cost == 0) {
                    break;
                }
            } else {
                undo();
            }
        }
        if (best == null) {
            return false;
        }
        for (int j : best) {
            if (status[j] == EXACT) {
                status[j] = HIDDEN;
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
            if (d[j] == 0 && movable(j, delta)) {
                keys[found++] = order(j) << 1 | (delta > 0 ? 1 : 0);
            }
        }
        Arrays.sort(keys, 0, found);
        for (int k = 0; k < found; k++) {
            cells[k] = (int) ((keys[k] >>> 1) & 0xFFFFF);
        }
        for (int k = 0; k < found; k++) {
            int j = cells[k];
            int delta = (keys[k] & 1) == 1 ? 1 : -1;
            apply(j, delta);
            if (search(depth + 1)) {
                return true;
            }
            undo();
        }
        return false;
    }

    /** Hidden cells first (those in fewest sums first), then shown counts, smallest first. */
    private long order(int j) {
        long rank = status[j] == EXACT ? 1 : 0;
        long secondary = status[j] == EXACT ? Math.min(v[j], (1L << 30) - 1) : cellCons[j].length;
        return rank << 51 | secondary << 20 | j;
    }

    private int countCandidates(int c, int limit) {
        int sign = Integer.signum(imbalance[c]);
        int count = 0;
        for (int k = 0; k < members[c].length && count < limit; k++) {
            int j = members[c][k];
            if (d[j] == 0 && movable(j, -sign * coefs[c][k])) {
                count++;
            }
        }
        return count;
    }

    /** Whether cell j may change by delta (±1) and stay within what its mark says. */
    private boolean movable(int j, int delta) {
        long to = v[j] + delta;
        return switch (status[j]) {
            // a shown count that moves becomes a hidden one: 5 or more (shown counts that are not 0 are 5 or more)
            case EXACT -> v[j] > 0 && used < budget && to >= 5;
            case SMALL -> to >= 1 && to <= 4;
            case HIDDEN -> to >= 5;
            default -> to >= 0;
        };
    }

    private void apply(int j, int delta) {
        d[j] = delta;
        if (status[j] == EXACT) {
            used++;
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
        if (status[j] == EXACT) {
            used--;
        }
        d[j] = 0;
    }

    private void shift(int c, int by) {
        int before = imbalance[c];
        int after = before + by;
        imbalance[c] = after;
        if (before == 0 && after != 0) {
            activeAt[c] = activeCount;
            active[activeCount++] = c;
        } else if (before != 0 && after == 0) {
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
     * The smallest shown count (not 0) in a sum with {@code x}; if there is none, in a sum with the hidden cells
     * reached from {@code x} through sums, nearest first. −1 when every count around it is hidden or 0.
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
                        } else if (!seenCell[j]) {
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
