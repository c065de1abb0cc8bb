/**
 * The audit log: one append-only record of logins, changes and every read of personal data, sealed into a keyed
 * chain (HMAC-SHA-256, key outside the database) by one sealer and anchored by signed checkpoints outside the
 * database. Other modules write through {@link se.skyddsnat.audit.AuditLog} (an INSERT in their transaction, no
 * lock); the access-log page and log reviews read through {@link se.skyddsnat.audit.AuditReview}.
 */
package se.skyddsnat.audit;
