/**
 * Outreach: work shifts on the street, in hotels and online, on their own or jointly with the
 * police, and the people met on them (anonymous encounters). Publishes {@link
 * se.skyddsnat.outreach.MinorEncountered} and region's {@code NonJoinedResidentsMet}; computes the
 * yearly figures in SQL; imports history from CSV.
 */
package se.skyddsnat.outreach;
