/**
 * Follow-up of the regional offer for the people who steer it: reports that put together figures from
 * the other modules through their public APIs, never their tables. The first is the usage per
 * municipality for a period (people met in outreach by home municipality, consultations, notices to
 * non-joined municipalities, beside the municipality's cost share), as a page with a chart and its table
 * and as XLSX; counts leave the page suppressed ("&lt;5") unless an internal user turns that off.
 * Depends on {@code region} and {@code outreach}; neither depends on it.
 */
package se.skyddsnat.followup;
