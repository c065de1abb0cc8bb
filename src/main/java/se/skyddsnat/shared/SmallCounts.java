package se.skyddsnat.shared;

/**
 * The primary rule for counts that leave a unit: 1–4 show as "&lt;5" (0 and 5 or more stay exact). A table of
 * counts leaves through {@link CountTable#publish}, which applies this rule and secondary suppression, so that a
 * small count cannot be worked out from the totals beside it; {@link #show} alone is only safe for a count that
 * adds up with nothing else shown.
 */
public final class SmallCounts {

    public static final String SUPPRESSED = "<5";

    private SmallCounts() {
    }

    /** Whether {@code n} is a small count: 1 to 4. */
    public static boolean small(long n) {
        return n >= 1 && n <= 4;
    }

    public static boolean hidden(long n, boolean suppress) {
        return suppress && small(n);
    }

    public static String show(long n, boolean suppress) {
        return hidden(n, suppress) ? SUPPRESSED : Long.toString(n);
    }
}
