/**
 * Retention (gallring) through one controlled path: which person records and cases of a
 * unit fall due (a configured time after the last entry in the person's cases, with
 * configured exceptions), a manager's approval of that list (audited), and the deletion,
 * which only the database function {@code casework.delete_approved_records} may carry out
 * past the signed-journal protection. The audit log keeps that each record existed, when
 * it was deleted and by whose approval — ids only, no content.
 */
package se.skyddsnat.casework.retention;
