/**
 * The municipalities and their agreements over time: who had joined the regional offer
 * when, and for which services (new, ended, changed from a date; periods never overlap),
 * the answer to "joined on D?" from that history ({@code AgreementHistory}), the
 * municipality pages and their API, and the reference data loaded at the first start.
 * Everyone reads it; COORDINATOR and ADMIN change it.
 */
package se.skyddsnat.region.agreement;
