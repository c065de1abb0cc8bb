package se.skyddsnat.casework;

import java.time.LocalDate;
import java.util.Map;

import se.skyddsnat.shared.SmallCounts;

/**
 * Stödcentrum's indicators for a period (both dates inclusive), aggregates only. {@code supportTalks}: signed
 * support talks (a corrected talk counts once, as its correction); {@code ratedTalks}: those with the young
 * person's satisfaction; {@code satisfiedTalks}: rated 4 or 5. {@code supported} and {@code closeRelationsViolence}:
 * distinct young people (role exposed or child) with a support talk in the period — all, and those whose talk
 * concerned violence in close relations — by gender code (female, male, other, unknown; every code present).
 */
public record StodcentrumIndicators(LocalDate from, LocalDate to, long supportTalks, long ratedTalks,
        long satisfiedTalks, Map<String, Long> supported, Map<String, Long> closeRelationsViolence) {

    /** Satisfied among rated talks, 0..1; null without rated talks. */
    public Double shareSatisfied() {
        return ratedTalks == 0 ? null : (double) satisfiedTalks / ratedTalks;
    }

    /** Whether the share must be hidden: it would reveal a small count. */
    public boolean shareHidden(boolean suppress) {
        return SmallCounts.hidden(ratedTalks, suppress) || SmallCounts.hidden(satisfiedTalks, suppress);
    }

    /** A count as shown: exact, or "&lt;5" for 1–4 when suppressing. */
    public String show(long n, boolean suppress) {
        return SmallCounts.show(n, suppress);
    }

    public long supportedTotal() {
        return supported.values().stream().mapToLong(Long::longValue).sum();
    }

    public long violenceTotal() {
        return closeRelationsViolence.values().stream().mapToLong(Long::longValue).sum();
    }
}
