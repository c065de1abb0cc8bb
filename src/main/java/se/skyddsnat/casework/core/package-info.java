/**
 * What every room of case work stands on: the one need-to-know condition
 * ({@link se.skyddsnat.casework.core.CaseAccess}: a visible case, a case's records, a
 * visible person) that every query listing or finding people or cases includes; the SQL
 * of cases and people ({@link se.skyddsnat.casework.core.CaseStore},
 * {@link se.skyddsnat.casework.core.PersonStore}: one query per question, no audit — the
 * services audit what they show); the text limits that form, service and column share
 * ({@link se.skyddsnat.casework.core.CaseworkLimits}); the one letter template, a PDF
 * with the secrecy line on every page ({@link se.skyddsnat.casework.core.Letter}: the
 * handover letter and the report of concern); and the settings
 * ({@link se.skyddsnat.casework.core.CaseworkProperties}).
 */
package se.skyddsnat.casework.core;
