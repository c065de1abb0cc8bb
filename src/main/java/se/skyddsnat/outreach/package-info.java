/**
 * Outreach: shifts on the street, in hotels and online, on their own or jointly with the
 * police, and the people met on them (anonymous encounters); the period's figures from
 * daily rollups that triggers keep in the same transaction as the rows, and as they may
 * leave a unit (primary and secondary suppression from one table of the period); and the
 * history import from CSV, all or nothing. Schema {@code outreach}. Other modules use
 * {@link se.skyddsnat.outreach.OutreachService}; a child met publishes
 * {@link se.skyddsnat.outreach.MinorEncountered} (case work makes its tasks; an import
 * publishes them all at once as {@link se.skyddsnat.outreach.MinorsEncountered}, and
 * stores its rows by {@code COPY}), residents of a municipality outside the offer publish
 * region's {@code NonJoinedResidentsMet}. The form, the API and the import read a shift
 * through one parser, {@code ShiftParser}; the form is quick on a phone (one tap per
 * answer, the home municipality by name, "same as the previous person"). A shift or an
 * encounter recorded by mistake is voided (makulerad) with a reason, never deleted: it
 * leaves the figures, and publishes {@link se.skyddsnat.outreach.EncountersVoided} (the
 * tasks close as "makulerad") and region's {@code NonJoinedResidentsVoided} (the notices
 * lose its people). Its part of the demo: three years of shifts marked synthetic.
 */
package se.skyddsnat.outreach;
