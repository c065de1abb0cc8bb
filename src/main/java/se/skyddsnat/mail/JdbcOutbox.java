package se.skyddsnat.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues mails: one INSERT for the mail and one per attachment, in the caller's
 * transaction.
 */
@Service
@RequiredArgsConstructor
class JdbcOutbox implements Outbox {

	private final JdbcClient jdbc;

	private final Clock clock;

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public long queue(OutgoingMail mail) {
		if (mail == null) {
			throw new IllegalArgumentException("A mail is required");
		}
		OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
		long id = jdbc
			.sql("""
					INSERT INTO mail.outbox (message_id, created_at, recipient, subject, body_text, body_html, next_attempt_at)
					VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(UUID.randomUUID(), now, mail.to(), mail.subject(), mail.text(), mail.html(), now)
			.query(Long.class)
			.single();
		int position = 0;
		for (MailAttachment a : mail.attachments()) {
			jdbc.sql("""
					INSERT INTO mail.outbox_attachments (mail_id, position, file_name, content_type, content)
					VALUES (?, ?, ?, ?, ?)""")
				.params(id, position++, a.fileName(), a.contentType(), a.bytes())
				.update();
		}
		return id;
	}

	static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
	}

}
