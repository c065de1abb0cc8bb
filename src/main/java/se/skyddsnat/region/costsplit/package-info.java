/**
 * The yearly cost split of the regional offer by population, over the year's offer area,
 * in exact integer kronor that add up to the year's cost ({@code CostSplit}: largest
 * remainders); the year's cost and positions, the municipalities added to the area, the
 * page and its XLSX and PDF like the offer's appendix, and the API.
 */
package se.skyddsnat.region.costsplit;
