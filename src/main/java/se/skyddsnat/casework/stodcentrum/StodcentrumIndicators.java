package se.skyddsnat.casework.stodcentrum;

import java.time.LocalDate;
import java.util.Map;

import se.skyddsnat.shared.Count;
import se.skyddsnat.shared.CountTable;
import se.skyddsnat.shared.SuppressedTable;

/**
 * Stödcentrum's indicators for a period (both dates inclusive), aggregates only.
 * {@code supportTalks}: signed support talks (a corrected talk counts once, as its
 * correction); {@code ratedTalks}: those with the young person's satisfaction;
 * {@code satisfiedTalks}: rated 4 or 5. {@code supported} and
 * {@code closeRelationsViolence}: distinct young people (role exposed or child) with a
 * support talk in the period — all, and those whose talk concerned violence in close
 * relations — by gender code (female, male, other, unknown; every code present).
 */
public record StodcentrumIndicators(LocalDate from, LocalDate to, long supportTalks, long ratedTalks,
		long satisfiedTalks, Map<String, Long> supported, Map<String, Long> closeRelationsViolence) {

	/** Satisfied among rated talks, 0..1; null without rated talks. */
	public Double shareSatisfied() {
		return ratedTalks == 0 ? null : (double) satisfiedTalks / ratedTalks;
	}

	public long supportedTotal() {
		return supported.values().stream().mapToLong(Long::longValue).sum();
	}

	public long violenceTotal() {
		return closeRelationsViolence.values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * Every count of the indicators as it may leave the unit, through the one suppression
	 * mechanism: exact, or with primary and secondary suppression over what a reader
	 * knows — rated talks are some of the talks, satisfied some of the rated; each
	 * gender's count adds up to its total; violence in close relations is some of those
	 * supported. Keys: {@code talks}, {@code rated}, {@code satisfied},
	 * {@code supported.<gender>}, {@code violence.<gender>} and {@code supported.total},
	 * {@code violence.total}.
	 */
	public SuppressedTable<String> publish(boolean suppress) {
		var table = new CountTable<String>().count("talks", supportTalks)
			.count("rated", ratedTalks)
			.count("satisfied", satisfiedTalks)
			.atMost("rated", "talks")
			.atMost("satisfied", "rated");
		supported.forEach((gender, n) -> table.count("supported." + gender, n));
		closeRelationsViolence.forEach((gender, n) -> table.count("violence." + gender, n)
			.atMost("violence." + gender, "supported." + gender));
		table.count("supported.total", supportedTotal())
			.sum("supported.total", supported.keySet().stream().map(g -> "supported." + g).toList());
		table.count("violence.total", violenceTotal())
			.sum("violence.total", closeRelationsViolence.keySet().stream().map(g -> "violence." + g).toList())
			.atMost("violence.total", "supported.total");
		return table.publish(suppress);
	}

	/**
	 * Satisfied among rated talks, 0..1, as it may be shown: null without rated talks or
	 * when either count is hidden.
	 */
	public static Double shareSatisfied(SuppressedTable<String> shown) {
		Count rated = shown.get("rated");
		Count satisfied = shown.get("satisfied");
		if (rated.isHidden() || satisfied.isHidden() || rated.value() == 0) {
			return null;
		}
		return (double) satisfied.value() / rated.value();
	}
}
