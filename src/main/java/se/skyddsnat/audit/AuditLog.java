package se.skyddsnat.audit;

import java.util.Collection;

/**
 * The one way to write to the audit log. Call it from the service layer, inside the
 * transaction of the work it records, so that a change and its audit row commit (or roll
 * back) together. A call only inserts its row: it takes no lock and waits for nobody. The
 * audit module's sealer links committed rows into the keyed chain shortly after (within a
 * second). The actor is the authenticated user unless an event names one (e.g. a failed
 * login). A read of personal data writes a row, so a service method that reads and audits
 * must not run in a read-only transaction.
 */
public interface AuditLog {

	/**
	 * "The current user read {subject} {id} for {purpose}" — e.g.
	 * {@code read(AuditSubject.PERSON, 42, ReadPurpose.VIEW)}.
	 */
	void read(AuditSubject subject, Object id, ReadPurpose purpose);

	/**
	 * "The current user was shown these records for {purpose}" — a list or every hit of a
	 * search: ONE row naming every id (in order, duplicates dropped), found again by
	 * {@link AuditReview#aboutSubjects} for each of them. One id is an ordinary
	 * {@link #read}; no ids, no row.
	 */
	void readAll(AuditSubject subject, Collection<?> ids, ReadPurpose purpose);

	/**
	 * "The current user changed {subject} {id}"; details say what, never personal data.
	 */
	void change(AuditSubject subject, Object id, String details);

	/**
	 * Any other event, e.g. a login, with an explicit kind and, where needed, an explicit
	 * actor.
	 */
	void record(AuditEvent event);

}
