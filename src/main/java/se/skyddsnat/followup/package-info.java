/**
 * Follow-up of the regional offer for the people who steer it: reports that put together figures from the other
 * modules through their public APIs, never their tables. The first is the usage per municipality for a period (people
 * met in outreach by home municipality, consultations, notices to non-joined municipalities, beside the
 * municipality's cost share, training participants), as a page with a chart and its table and as XLSX; its counts leave with primary and
 * secondary suppression (the same cells hidden as on the statistics page) unless an internal user turns that off.
 * For COORDINATOR, MANAGER and ANALYST. Training participants who attended, by the municipality they work in, come from {@code training}'s
 * {@code TrainingFigures}. Depends on {@code region}, {@code outreach} and {@code training}; none depends on it.
 */
package se.skyddsnat.followup;
