package se.skyddsnat.region;

/**
 * The yearly cost split of the regional offer by population: each municipality of the
 * year's offer area (the host city's county, and those added for the year) with its share
 * in whole kronor, the shares adding up to the year's cost exactly. For COORDINATOR,
 * ADMIN, MANAGER and ANALYST.
 */
public interface CostSplits {

	/**
	 * The split for a year (1900–2200); {@code total} overrides the year's cost (a
	 * what-if), null for the recorded one.
	 */
	CostSplitTable forYear(int year, Long total);

}
