package se.skyddsnat.audit;

import java.time.Instant;

/** A stored audit row as the access-log page shows it. */
public record AuditEntry(long id, Instant occurredAt, String actor, AuditKind kind, String subjectType,
        String subjectId, String purpose, String details, String client) {
}
