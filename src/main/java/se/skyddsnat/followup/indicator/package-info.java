/**
 * The indicator catalogue and its computation. Each indicator is one definition in
 * {@link se.skyddsnat.followup.indicator.IndicatorCatalogue}: numerator, denominator
 * where it is a share, factor, unit, target where one exists, the breakdowns it allows
 * and its source — and it is computed for any period from the other modules' public query
 * interfaces ({@code outreach.OutreachCounts}, {@code casework.StodcentrumFigures},
 * {@code region.Consultations}, {@code Notices}, {@code Municipalities},
 * {@code GroupMeetings}), never their tables, or from figures entered by hand with their
 * source (manual indicators). All counts of one answer go through one
 * {@code shared.CountTable} (primary and secondary suppression; parts are declared "of
 * whom" of their wholes). A share whose denominator is 0 is "–". The page per indicator
 * draws a trend chart with its table; the API answers
 * {@code GET /api/v1/followup/indicators}. Adding a source (the training module's
 * figures) is one definition.
 */
package se.skyddsnat.followup.indicator;
