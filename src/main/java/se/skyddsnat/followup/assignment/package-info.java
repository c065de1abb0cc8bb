/**
 * Budget assignments (budgetuppdrag) by year: the text and the responsible committee, and
 * their status reports (lägesrapporter) with date, account and the report they went into.
 * ANALYST and COORDINATOR keep them; MANAGER reads. The annual report lists the
 * assignments of its years with the status reports of its period.
 */
package se.skyddsnat.followup.assignment;
