package se.skyddsnat.region.costsplit;

import java.math.BigDecimal;

/**
 * A year's cost of the offer in whole kronor and its positions (Mikamottagningen, KAST,
 * the regional coordinators), as recorded. A value that was missing or unreadable is
 * null, for {@link CostSplitService#setCost} to name.
 */
public record YearCost(Long total, BigDecimal mikaPositions, BigDecimal kastPositions,
		BigDecimal coordinatorPositions) {
}
