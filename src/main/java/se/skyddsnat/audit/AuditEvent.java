package se.skyddsnat.audit;

/**
 * One thing to audit. {@code actor} may be null: the authenticated user is then used. No
 * field may hold personal data about clients other than ids (names, personnummer never).
 */
public record AuditEvent(AuditKind kind, String actor, String subjectType, String subjectId, String purpose,
		String details) {

	public AuditEvent {
		if (kind == null) {
			throw new IllegalArgumentException("kind is required");
		}
	}

	public static AuditEvent of(AuditKind kind) {
		return new AuditEvent(kind, null, null, null, null, null);
	}

	public AuditEvent actor(String actor) {
		return new AuditEvent(kind, actor, subjectType, subjectId, purpose, details);
	}

	public AuditEvent subject(AuditSubject type, Object id) {
		return new AuditEvent(kind, actor, type.code(), id == null ? null : id.toString(), purpose, details);
	}

	public AuditEvent purpose(ReadPurpose purpose) {
		return new AuditEvent(kind, actor, subjectType, subjectId, purpose.code(), details);
	}

	public AuditEvent details(String details) {
		return new AuditEvent(kind, actor, subjectType, subjectId, purpose, details);
	}
}
