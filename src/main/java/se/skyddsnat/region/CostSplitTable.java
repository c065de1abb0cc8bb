package se.skyddsnat.region;

import java.math.BigDecimal;
import java.util.List;

import se.skyddsnat.shared.MunicipalityCode;

/**
 * A year's cost split, as in the offer's appendix. {@code populationYear} differs from
 * {@code year} when the year's table lacks the municipality and its latest earlier figure
 * is used (the row is flagged).
 */
public record CostSplitTable(int year, long total, boolean totalSetForYear, BigDecimal mikaPositions,
		BigDecimal kastPositions, BigDecimal coordinatorPositions, List<Row> rows, List<Municipality> addable) {

	public record Row(MunicipalityCode code, String name, long population, Integer populationYear, BigDecimal percent,
			long share, boolean joined, boolean host, boolean added) {

		/** The figure is not the year's own (or missing altogether). */
		public boolean flagged(int year) {
			return populationYear == null || populationYear != year;
		}

		public boolean invoiced() {
			return joined || host;
		}
	}

	public long population() {
		return rows.stream().mapToLong(Row::population).sum();
	}

	public long sum() {
		return rows.stream().mapToLong(Row::share).sum();
	}

	public long invoicedSum() {
		return rows.stream().filter(Row::invoiced).mapToLong(Row::share).sum();
	}

	public long joinedCount() {
		return rows.stream().filter(Row::joined).count();
	}

	public boolean anyFlagged() {
		return rows.stream().anyMatch(r -> r.flagged(year));
	}

	public BigDecimal positions() {
		return mikaPositions.add(kastPositions).add(coordinatorPositions);
	}

	/** The positions as people write them: "5", "5,5". */
	public String positionsText(java.util.Locale locale) {
		return java.text.NumberFormat.getNumberInstance(locale).format(positions());
	}
}
