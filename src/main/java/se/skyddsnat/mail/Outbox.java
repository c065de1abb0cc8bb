package se.skyddsnat.mail;

/**
 * The one way to send a mail: queue it here in the transaction of the work that causes
 * it. The mail is written to the outbox table in that transaction (joined, or one of its
 * own when the caller has none), so a mail queued in a transaction that rolls back is
 * never sent, and one that commits is sent even if the mail server is down now: one
 * worker on one node sends it with retries (see the package documentation). Links in a
 * mail are made with {@link PublicUrl}.
 */
public interface Outbox {

	/**
	 * Queues the mail; returns its id in the outbox (shown on the admin page "Utkorg").
	 */
	long queue(OutgoingMail mail);

}
