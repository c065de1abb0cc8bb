package se.skyddsnat.casework.journal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of journal entries, one query per question. A signed entry is never changed or
 * deleted: every statement that writes says {@code signed_at IS NULL}, and a trigger in
 * the database refuses the rest.
 */
@Component
@RequiredArgsConstructor
class JournalStore {

	/**
	 * The draft's values to store: null fields are stored as null (an empty note as "").
	 */
	record Values(LocalDate date, JournalKind kind, JournalChannel channel, Integer minutes, String note,
			Integer satisfaction, Boolean violence) {
	}

	private static final RowMapper<JournalEntry> ENTRY = (rs, n) -> new JournalEntry(rs.getLong("id"),
			rs.getLong("case_id"), rs.getObject("entry_date", LocalDate.class),
			rs.getString("kind") == null ? null : JournalKind.of(rs.getString("kind")),
			rs.getString("channel") == null ? null : JournalChannel.of(rs.getString("channel")),
			(Integer) rs.getObject("minutes"), rs.getString("note"),
			rs.getObject("satisfaction") == null ? null : rs.getInt("satisfaction"),
			(Boolean) rs.getObject("close_relations_violence"), (Long) rs.getObject("corrects_id"),
			rs.getString("author"), instant(rs.getTimestamp("updated_at")), rs.getString("signed_by"),
			instant(rs.getTimestamp("signed_at")), List.of());

	private final JdbcClient jdbc;

	/** The case's signed entries in date order. */
	List<JournalEntry> signed(long caseId) {
		return jdbc.sql("""
				SELECT * FROM casework.journal_entries WHERE case_id = ? AND signed_at IS NOT NULL
				 ORDER BY entry_date, signed_at, id""").param(caseId).query(ENTRY).list();
	}

	/** The signed entries that correct the entry. */
	List<Long> correctedBy(long entryId) {
		return jdbc.sql("""
				SELECT id FROM casework.journal_entries WHERE corrects_id = ? AND signed_at IS NOT NULL ORDER BY id""")
			.param(entryId)
			.query(Long.class)
			.list();
	}

	JournalEntry get(long id) {
		return jdbc.sql("SELECT * FROM casework.journal_entries WHERE id = ?").param(id).query(ENTRY).single();
	}

	/** A signed entry of the case, or the user's own draft in it. */
	Optional<JournalEntry> entryOf(long caseId, long entryId, String user) {
		return jdbc
			.sql("""
					SELECT * FROM casework.journal_entries WHERE id = ? AND case_id = ? AND (signed_at IS NOT NULL OR author = ?)""")
			.params(entryId, caseId, user)
			.query(ENTRY)
			.optional();
	}

	/** The user's one draft in the case. */
	Optional<JournalEntry> draftOf(long caseId, String user) {
		return jdbc.sql("SELECT * FROM casework.journal_entries WHERE case_id = ? AND author = ? AND signed_at IS NULL")
			.params(caseId, user)
			.query(ENTRY)
			.optional();
	}

	/**
	 * The user's draft in the case, created or — when two autosaves race to create it —
	 * updated (the one-draft index).
	 */
	long saveNewDraft(long caseId, String author, Values v, Instant now) {
		return bind(jdbc.sql("""
				INSERT INTO casework.journal_entries (case_id, entry_date, kind, channel, minutes, note, satisfaction,
				       close_relations_violence, author, created_at, updated_at)
				VALUES (:case, :date, :kind, :channel, :minutes, :note, :satisfaction, :violence, :author, :now, :now)
				ON CONFLICT (case_id, author) WHERE signed_at IS NULL DO UPDATE SET entry_date = EXCLUDED.entry_date,
				       kind = EXCLUDED.kind, channel = EXCLUDED.channel, minutes = EXCLUDED.minutes,
				       note = EXCLUDED.note, satisfaction = EXCLUDED.satisfaction,
				       close_relations_violence = EXCLUDED.close_relations_violence, updated_at = EXCLUDED.updated_at
				RETURNING id"""), v).param("case", caseId)
			.param("author", author)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/** Updates a draft; false when it has been signed meanwhile. */
	boolean updateDraft(long id, Values v, Instant now) {
		return bind(jdbc.sql("""
				UPDATE casework.journal_entries SET entry_date = :date, kind = :kind, channel = :channel,
				       minutes = :minutes, note = :note, satisfaction = :satisfaction,
				       close_relations_violence = :violence, updated_at = :now
				 WHERE id = :id AND signed_at IS NULL"""), v).param("id", id)
			.param("now", Timestamp.from(now))
			.update() > 0;
	}

	/** Signs a draft; false when it was signed already. */
	boolean sign(long id, String user, Instant now) {
		return jdbc.sql("""
				UPDATE casework.journal_entries SET signed_by = ?, signed_at = ? WHERE id = ? AND signed_at IS NULL""")
			.params(user, Timestamp.from(now), id)
			.update() > 0;
	}

	/**
	 * A correction draft of a signed entry, filled with its content; empty when the entry
	 * has a correction already or the author has a draft (one correction per entry and
	 * one draft per author: a concurrent second insert waits for the first and then
	 * inserts nothing).
	 */
	Optional<Long> startCorrection(long correctedId, String author, Instant now) {
		return jdbc.sql("""
				INSERT INTO casework.journal_entries (case_id, entry_date, kind, channel, minutes, note, satisfaction,
				       close_relations_violence, corrects_id, author, created_at, updated_at)
				SELECT case_id, entry_date, kind, channel, minutes, note, satisfaction, close_relations_violence, id,
				       :author, :now, :now
				  FROM casework.journal_entries WHERE id = :id
				ON CONFLICT DO NOTHING
				RETURNING id""")
			.param("author", author)
			.param("now", Timestamp.from(now))
			.param("id", correctedId)
			.query(Long.class)
			.optional();
	}

	void deleteDraft(long id) {
		jdbc.sql("DELETE FROM casework.journal_entries WHERE id = ? AND signed_at IS NULL").param(id).update();
	}

	/** Whether the entry exists for the user: signed, or the user's own draft. */
	boolean exists(long caseId, long entryId, String user) {
		return jdbc.sql("""
				SELECT count(*) FROM casework.journal_entries
				 WHERE id = ? AND case_id = ? AND (signed_at IS NOT NULL OR author = ?)""")
			.params(entryId, caseId, user)
			.query(Long.class)
			.single() > 0;
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Values v) {
		return spec.param("date", v.date())
			.param("kind", v.kind() == null ? null : v.kind().code())
			.param("channel", v.channel() == null ? null : v.channel().code())
			.param("minutes", v.minutes())
			.param("note", v.note() == null ? "" : v.note())
			.param("satisfaction", v.satisfaction())
			.param("violence", v.violence());
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
