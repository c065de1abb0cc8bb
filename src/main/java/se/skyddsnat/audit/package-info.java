/**
 * The audit log: one append-only record of logins, changes and every read of personal
 * data, sealed into a keyed chain (HMAC-SHA-256, key outside the database) by one sealer
 * and anchored by signed checkpoints outside the database. Other modules write through
 * {@link se.skyddsnat.audit.AuditLog} (an INSERT in their transaction, no lock), naming
 * what they touched with {@link se.skyddsnat.audit.AuditSubject} and why they read it
 * with {@link se.skyddsnat.audit.ReadPurpose}; the access-log page (ADMIN) and the
 * reviews of a person's or a user's reads read through
 * {@link se.skyddsnat.audit.AuditReview}. Pages say a row in words through
 * {@link se.skyddsnat.audit.AuditLines}: details stored structured
 * ({@link se.skyddsnat.audit.AuditDetails}) become sentences from the bundles, and the
 * records are named by the modules that own them ({@link se.skyddsnat.audit.AuditNames}:
 * people, cases, users, units, municipalities), as the reader may see them. Schema
 * {@code audit}.
 */
package se.skyddsnat.audit;
