/**
 * The audit log: one append-only, hash-chained record of logins, changes and every read of
 * personal data. Other modules write through {@link se.skyddsnat.audit.AuditLog}; the access-log
 * page and later log reviews read through {@link se.skyddsnat.audit.AuditReview}.
 */
package se.skyddsnat.audit;
