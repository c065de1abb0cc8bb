/**
 * The regional offer: the municipalities of the county and whether each had joined the
 * offer on a given day, their agreements and population, the yearly cost split by
 * population, consultations in individual cases, the steering group's meetings, and the
 * follow-up of the municipalities outside the offer (notices, dialogue). Schema
 * {@code region}.
 * <p>
 * The front door, here at the root, is what other modules use:
 * {@link se.skyddsnat.region.Municipalities} ("joined on D?" is
 * {@link se.skyddsnat.region.Municipalities#offerStatusOn}),
 * {@link se.skyddsnat.region.CostSplits}, {@link se.skyddsnat.region.Consultations} and
 * {@link se.skyddsnat.region.Notices} (for counts and the start page), and the event
 * {@link se.skyddsnat.region.NonJoinedResidentsMet} that outreach publishes. Each
 * capability is a room of its own, readable alone: {@code agreement}, {@code population},
 * {@code costsplit}, {@code consultation}, {@code meeting}, {@code nonjoined}.
 */
package se.skyddsnat.region;
