package se.skyddsnat.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.audit.AuditLog;

/**
 * What the admin page "Utkorg" reads. Every read is audited: the list as one row naming
 * every mail shown, a mail's page and an attachment each as a read of that mail (they
 * hold the recipient's personal data).
 */
@Service
@RequiredArgsConstructor
class OutboxReview {

	static final AuditSubject SUBJECT = AuditSubject.OUTBOX_MAIL;

	private static final ReadPurpose PURPOSE = ReadPurpose.OUTBOX;

	/** One mail as the list shows it. */
	public record Entry(long id, Instant createdAt, String recipient, String subject, String state, int attempts,
			String lastError, Instant lastAttemptAt, Instant nextAttemptAt, Instant sentAt) {

		public boolean sent() {
			return "sent".equals(state);
		}

		/**
		 * The message key of the state: sent, waiting for its first try, or waiting for a
		 * new try.
		 */
		public String stateKey() {
			return sent() ? "mail.state.sent" : attempts == 0 ? "mail.state.pending" : "mail.state.retrying";
		}
	}

	public record AttachmentInfo(int position, String fileName, String contentType, int size) {
	}

	public record Message(Entry entry, String messageId, String text, String html, List<AttachmentInfo> attachments) {
	}

	public record File(String fileName, String contentType, byte[] content) {
	}

	public record Page(List<Entry> entries, int page, boolean hasMore, long pending, long sent) {
	}

	private static final String COLUMNS = """
			id, created_at, recipient, subject, state, attempts, last_error, last_attempt_at, next_attempt_at, sent_at""";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	/**
	 * The newest mails first, {@code size} a page; the counts of pending and sent mails.
	 */
	@Transactional
	Page list(int page, int size) {
		List<Entry> rows = jdbc.sql("SELECT " + COLUMNS + " FROM mail.outbox ORDER BY id DESC LIMIT ? OFFSET ?")
			.params(size + 1, (long) page * size)
			.query((rs, n) -> entry(rs))
			.list();
		boolean more = rows.size() > size;
		List<Entry> shown = more ? rows.subList(0, size) : rows;
		audit.readAll(SUBJECT, shown.stream().map(e -> Long.toString(e.id())).toList(), PURPOSE);
		var counts = jdbc
			.sql("SELECT count(*) FILTER (WHERE state = 'pending'), count(*) FILTER (WHERE state = 'sent') "
					+ "FROM mail.outbox")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		return new Page(List.copyOf(shown), page, more, counts[0], counts[1]);
	}

	@Transactional
	Optional<Message> message(long id) {
		Optional<Message> message = jdbc
			.sql("SELECT " + COLUMNS + ", message_id, body_text, body_html FROM mail.outbox WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Message(entry(rs), rs.getString("message_id"), rs.getString("body_text"),
					rs.getString("body_html"), List.of()))
			.optional();
		if (message.isEmpty()) {
			return message;
		}
		List<AttachmentInfo> attachments = jdbc.sql("""
				SELECT position, file_name, content_type, octet_length(content) AS size
				  FROM mail.outbox_attachments WHERE mail_id = ? ORDER BY position""")
			.param(id)
			.query((rs, n) -> new AttachmentInfo(rs.getInt("position"), rs.getString("file_name"),
					rs.getString("content_type"), rs.getInt("size")))
			.list();
		audit.read(SUBJECT, id, PURPOSE);
		var m = message.get();
		return Optional.of(new Message(m.entry(), m.messageId(), m.text(), m.html(), attachments));
	}

	@Transactional
	Optional<File> attachment(long id, int position) {
		Optional<File> file = jdbc
			.sql("""
					SELECT file_name, content_type, content FROM mail.outbox_attachments WHERE mail_id = ? AND position = ?""")
			.params(id, position)
			.query((rs, n) -> new File(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")))
			.optional();
		file.ifPresent(f -> audit.read(SUBJECT, id, ReadPurpose.OUTBOX_ATTACHMENT));
		return file;
	}

	private static Entry entry(ResultSet rs) throws SQLException {
		return new Entry(rs.getLong("id"), instant(rs, "created_at"), rs.getString("recipient"),
				rs.getString("subject"), rs.getString("state"), rs.getInt("attempts"), rs.getString("last_error"),
				instant(rs, "last_attempt_at"), instant(rs, "next_attempt_at"), instant(rs, "sent_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

}
