package se.skyddsnat.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's worker (the scheduled job {@code mail-outbox-send}, so one node runs it at
 * a time). Each mail is sent in a transaction of its own that first claims its row
 * ({@code FOR UPDATE SKIP LOCKED}: a second worker, should one ever run, skips it), hands
 * it to the SMTP server, and marks it sent in the same transaction: the only moment in
 * which a crash sends a mail twice is between the server's "250 OK" and the commit of
 * that one-row UPDATE. A mail the server does not take gets its attempt counted, the
 * exception's class names (never the content or the address) and a later next attempt;
 * the run then stops, so a server that is down costs one try per run. With no mail server
 * configured (no {@code spring.mail.host}) the worker sends nothing and mails stay in the
 * outbox.
 */
@Component
class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private enum Outcome {

		NONE_DUE, SENT, FAILED

	}

	private record Pending(long id, UUID messageId, String recipient, String subject, String text, String html,
			int attempts) {
	}

	private record Stored(String fileName, String contentType, byte[] content) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final ObjectProvider<JavaMailSender> senders;

	private final OutboxProperties properties;

	private final PublicUrl publicUrl;

	private final Clock clock;

	OutboxSender(JdbcClient jdbc, PlatformTransactionManager transactions, ObjectProvider<JavaMailSender> senders,
			OutboxProperties properties, PublicUrl publicUrl, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.senders = senders;
		this.properties = properties;
		this.publicUrl = publicUrl;
		this.clock = clock;
	}

	/** Whether a mail server is configured; without one, mails wait in the outbox. */
	boolean canSend() {
		return senders.getIfAvailable() != null;
	}

	/**
	 * Sends the due mails, oldest first, until none is due, one fails or a batch is sent;
	 * returns how many were sent.
	 */
	int sendDue() {
		JavaMailSender sender = senders.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		int sent = 0;
		while (sent < properties.batchSize()) {
			Outcome outcome = transaction.execute(status -> sendOne(sender));
			if (outcome != Outcome.SENT) {
				break;
			}
			sent++;
		}
		return sent;
	}

	private Outcome sendOne(JavaMailSender sender) {
		Instant now = clock.instant();
		Optional<Pending> claimed = jdbc.sql("""
				SELECT id, message_id, recipient, subject, body_text, body_html, attempts
				  FROM mail.outbox
				 WHERE state = 'pending' AND next_attempt_at <= ?
				 ORDER BY next_attempt_at, id
				 LIMIT 1
				   FOR UPDATE SKIP LOCKED""")
			.param(JdbcOutbox.utc(now))
			.query((rs, n) -> new Pending(rs.getLong("id"), rs.getObject("message_id", UUID.class),
					rs.getString("recipient"), rs.getString("subject"), rs.getString("body_text"),
					rs.getString("body_html"), rs.getInt("attempts")))
			.optional();
		if (claimed.isEmpty()) {
			return Outcome.NONE_DUE;
		}
		Pending mail = claimed.get();
		List<Stored> attachments = jdbc
			.sql("""
					SELECT file_name, content_type, content FROM mail.outbox_attachments WHERE mail_id = ? ORDER BY position""")
			.param(mail.id())
			.query((rs, n) -> new Stored(rs.getString("file_name"), rs.getString("content_type"),
					rs.getBytes("content")))
			.list();
		int attempt = mail.attempts() + 1;
		try {
			sender.send(message(sender, mail, attachments, now));
		}
		catch (RuntimeException | MessagingException e) {
			Instant next = now.plus(properties.delayAfter(attempt));
			String error = describe(e);
			jdbc.sql("""
					UPDATE mail.outbox SET attempts = ?, last_attempt_at = ?, last_error = ?, next_attempt_at = ?
					 WHERE id = ?""")
				.params(attempt, JdbcOutbox.utc(now), error, JdbcOutbox.utc(next), mail.id())
				.update();
			log.warn("Outbox: mail {} not sent, attempt {} failed ({}); next attempt at {}", mail.id(), attempt, error,
					next);
			return Outcome.FAILED;
		}
		// The server has the mail: from here to the commit is the one window in which a
		// crash sends it twice.
		jdbc.sql("UPDATE mail.outbox SET state = 'sent', sent_at = ?, attempts = ?, last_attempt_at = ? WHERE id = ?")
			.params(JdbcOutbox.utc(clock.instant()), attempt, JdbcOutbox.utc(now), mail.id())
			.update();
		log.info("Outbox: mail {} sent (attempt {})", mail.id(), attempt);
		return Outcome.SENT;
	}

	/**
	 * The MIME message: text (and HTML as its alternative), attachments, the configured
	 * sender, and a Message-ID made from the row's UUID, the same on every attempt, so
	 * that a mail sent twice after a crash is one message to mail programs that recognise
	 * it (JavaMailSenderImpl keeps an explicitly set Message-ID).
	 */
	private MimeMessage message(JavaMailSender sender, Pending mail, List<Stored> attachments, Instant now)
			throws MessagingException {
		MimeMessage message = sender.createMimeMessage();
		boolean multipart = mail.html() != null || !attachments.isEmpty();
		var helper = new MimeMessageHelper(message, multipart, "UTF-8");
		helper.setFrom(properties.sender());
		helper.setTo(mail.recipient());
		helper.setSubject(mail.subject());
		if (mail.html() != null) {
			helper.setText(mail.text(), mail.html());
		}
		else {
			helper.setText(mail.text());
		}
		for (Stored a : attachments) {
			helper.addAttachment(a.fileName(), new ByteArrayResource(a.content()), a.contentType());
		}
		helper.setSentDate(Date.from(now));
		message.setHeader("Message-ID", "<" + mail.messageId() + "@" + publicUrl.host() + ">");
		return message;
	}

	/**
	 * The classes of an exception and its causes, e.g.
	 * {@code MailSendException < ConnectException}: no message.
	 */
	static String describe(Throwable t) {
		var names = new ArrayList<String>();
		var seen = new LinkedHashSet<Throwable>();
		for (Throwable c = t; c != null && seen.add(c) && names.size() < 6; c = c.getCause()) {
			names.add(c.getClass().getSimpleName().isEmpty() ? c.getClass().getName() : c.getClass().getSimpleName());
			if (c instanceof MessagingException m && m.getNextException() != null
					&& m.getNextException() != m.getCause()) {
				names.add(m.getNextException().getClass().getSimpleName());
			}
		}
		String joined = String.join(" < ", names);
		return joined.length() <= 300 ? joined : joined.substring(0, 300);
	}

}
