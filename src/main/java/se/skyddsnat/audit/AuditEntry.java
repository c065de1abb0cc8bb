package se.skyddsnat.audit;

import java.time.Instant;
import java.util.List;

/**
 * A stored audit row as the access-log page shows it. A row about one record has
 * {@code subjectId}; a list or a search is one row naming every record shown in
 * {@code subjectIds} (then {@code subjectId} is null). In a log review
 * ({@link AuditReview#aboutSubjects}) such a row comes once per record asked about, with
 * that record in {@code subjectId}.
 */
public record AuditEntry(long id, Instant occurredAt, String actor, AuditKind kind, String subjectType,
		String subjectId, String purpose, String details, String client, List<String> subjectIds) {

	public AuditEntry {
		subjectIds = subjectIds == null ? List.of() : List.copyOf(subjectIds);
	}
}
