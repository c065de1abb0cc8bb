package se.skyddsnat.audit;

/**
 * The one way to write to the audit log. Call it from the service layer, inside the transaction
 * of the work it records, so that a change and its audit row commit (or roll back) together.
 * The actor is the authenticated user unless an event names one (e.g. a failed login).
 * A read of personal data writes a row, so a service method that reads and audits must not run in a
 * read-only transaction.
 */
public interface AuditLog {

    /** "The current user read {subjectType} {subjectId} for {purpose}" — e.g. {@code read("person", "42", "case work")}. */
    void read(String subjectType, String subjectId, String purpose);

    /** One read row per subject, e.g. every hit of a search, written together (one lock, one statement). */
    default void readAll(String subjectType, java.util.Collection<String> subjectIds, String purpose) {
        subjectIds.forEach(id -> read(subjectType, id, purpose));
    }

    /** "The current user changed {subjectType} {subjectId}"; details say what, never personal data. */
    void change(String subjectType, String subjectId, String details);

    /** Any other event, e.g. a login, with an explicit kind and, where needed, an explicit actor. */
    void record(AuditEvent event);
}
