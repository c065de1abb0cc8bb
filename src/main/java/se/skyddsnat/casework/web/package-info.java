/**
 * The pages and JSON of people, cases and tasks: registering a person with the duplicate
 * check, the person page and its logged "show" of a protected identity, correcting a
 * person (with the change history), opening, closing and reopening a case and changing
 * its responsible worker, emergency access, closing a task, the case's print view. The
 * case page ({@link se.skyddsnat.casework.web.CasePage}) shows the sections
 * ({@link se.skyddsnat.casework.web.CaseSection}) that the rooms contribute — journal,
 * referrals, trafficking track, Stödcentrum — each read through its room's own service,
 * which checks access and audits.
 */
package se.skyddsnat.casework.web;
