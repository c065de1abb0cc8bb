package se.skyddsnat.shared;

/**
 * Counts that leave a unit must not identify anyone: with suppression, 1–4 show as "&lt;5"
 * (0 and 5 or more stay exact). One rule for pages, exports and the API.
 */
public final class SmallCounts {

    public static final String SUPPRESSED = "<5";

    private SmallCounts() {
    }

    public static boolean hidden(long n, boolean suppress) {
        return suppress && n >= 1 && n <= 4;
    }

    public static String show(long n, boolean suppress) {
        return hidden(n, suppress) ? SUPPRESSED : Long.toString(n);
    }
}
