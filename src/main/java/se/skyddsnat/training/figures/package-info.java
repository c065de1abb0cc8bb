/**
 * The counts the regional offer promises: {@link se.skyddsnat.training.TrainingFigures}
 * from the tables (live attendances and the counts kept after retention), the counts page
 * with its XLSX and the statistics API — every count through one
 * {@link se.skyddsnat.shared.CountTable} published with primary and secondary suppression
 * unless an internal reader turns it off — and the offer's promise of three sessions a
 * year, shown on its page.
 */
package se.skyddsnat.training.figures;
