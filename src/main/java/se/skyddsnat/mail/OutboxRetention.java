package se.skyddsnat.mail;

import java.time.Clock;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditDetails;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;

/**
 * Mails hold personal data of their recipients (a name, an address, a meeting link): a
 * sent mail is deleted {@code skyddsnat.mail.retention} (30 days) after it was sent, by
 * the daily job {@code mail-outbox-retention}, with its attachments; the deletion is
 * audited as a count. Mails not yet sent are kept until they are.
 */
@Component
@RequiredArgsConstructor
class OutboxRetention {

	private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final OutboxProperties properties;

	private final Clock clock;

	/**
	 * Deletes the mails sent before now − retention; returns how many. Idempotent: a
	 * second run finds none.
	 */
	@Transactional
	public int deleteExpired() {
		var before = clock.instant().minus(properties.retention());
		int deleted = jdbc.sql("DELETE FROM mail.outbox WHERE state = 'sent' AND sent_at < ?")
			.param(JdbcOutbox.utc(before))
			.update();
		if (deleted > 0) {
			audit.record(AuditEvent.of(AuditKind.CHANGE)
				.actor("system")
				.subject(AuditSubject.OUTBOX_MAIL, null)
				.details(AuditDetails.of("outbox.retention", deleted, before.toString().substring(0, 10),
						properties.retention().toDays())));
			log.info("Outbox: {} sent mail(s) older than {} deleted", deleted, properties.retention());
		}
		return deleted;
	}

}
