package se.skyddsnat.casework.journal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.shared.DateRange;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.UnitCode;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.casework.CaseKind;
import se.skyddsnat.casework.core.CaseAccess;
import se.skyddsnat.casework.core.CaseworkLimits;
import se.skyddsnat.casework.stodcentrum.Stodcentrum;

/**
 * The journal of a case: contacts and interventions with their notes, in date order. A note is a draft of its
 * author until signed (saved as it is typed, so nothing is lost); a signed note is final — it is never changed or
 * deleted (here, and by a trigger in the database), only corrected by a new note that points to it. Everyone who
 * may see the case reads the signed notes (audited with the purpose "journal"); only the case's own unit writes.
 */
@Service
public class Journal {

    static final int MINUTES_MAX = 1440;
    private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

    /** What the user sees of a journal: the signed entries in date order and their own draft, if any. */
    public record View(long caseId, List<JournalEntry> entries, JournalEntry draft, boolean mayWrite) {
    }

    /** The case a journal belongs to, as far as the journal needs it. */
    public record CaseRef(long id, UnitCode unit, CaseKind kind, boolean open, LocalDate openedOn) {
        public boolean stodcentrum() {
            return kind == CaseKind.STODCENTRUM_SUPPORT;
        }
    }

    public static final RowMapper<CaseRef> CASE_REF = (rs, n) -> new CaseRef(rs.getLong("id"),
            UnitCode.of(rs.getString("unit_code")), CaseKind.of(rs.getString("kind")),
            rs.getString("status").equals("open"), rs.getObject("opened_on", LocalDate.class));

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
    private final CaseAccess access;
    private final AuditLog audit;
    private final Stodcentrum stodcentrum;
    private final Clock clock;

    Journal(JdbcClient jdbc, CaseAccess access, AuditLog audit, Stodcentrum stodcentrum, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.stodcentrum = stodcentrum;
        this.clock = clock;
    }

    /** The journal of a case the user may see (404 otherwise): signed entries in date order, and the user's draft. */
    @Transactional
    public View read(long caseId) {
        var scope = access.scope();
        CaseRef c = visibleCase(scope, caseId);
        List<JournalEntry> signed = jdbc.sql("""
                SELECT * FROM casework.journal_entries WHERE case_id = ? AND signed_at IS NOT NULL
                 ORDER BY entry_date, signed_at, id""").param(caseId).query(ENTRY).list();
        Map<Long, List<Long>> corrections = new HashMap<>();
        signed.stream().filter(e -> e.correctsId() != null)
                .forEach(e -> corrections.computeIfAbsent(e.correctsId(), k -> new ArrayList<>()).add(e.id()));
        List<JournalEntry> entries = signed.stream()
                .map(e -> e.withCorrectedBy(corrections.getOrDefault(e.id(), List.of()))).toList();
        JournalEntry draft = ownDraft(caseId, scope.user().username()).orElse(null);
        audit.read(AuditSubject.CASE, caseId, ReadPurpose.JOURNAL);
        return new View(caseId, entries, draft, mayWrite(scope, c));
    }

    /** One entry: a signed one of a case the user may see, or the user's own draft; audited. */
    @Transactional
    public JournalEntry entry(long caseId, long entryId) {
        var scope = access.scope();
        visibleCase(scope, caseId);
        JournalEntry e = entryOf(caseId, entryId, scope.user().username());
        List<Long> correctedBy = jdbc.sql("""
                SELECT id FROM casework.journal_entries WHERE corrects_id = ? AND signed_at IS NOT NULL ORDER BY id""")
                .param(entryId).query(Long.class).list();
        audit.read(AuditSubject.CASE, caseId, ReadPurpose.JOURNAL);
        return e.withCorrectedBy(correctedBy);
    }

    /**
     * Saves the user's draft for the case: the entry {@code entryId} (which must be the user's own draft), or —
     * without an id — the user's one draft for the case, created when there is none. Fields left null keep what
     * the draft held; empty ones are cleared. Refuses a signed entry ({@link JournalNoteAlreadySigned}) and
     * malformed values ({@link InvalidInput}); completeness is checked when signing.
     */
    @Transactional
    public JournalEntry saveDraft(long caseId, Long entryId, JournalInput input) {
        var scope = access.scope();
        CaseRef c = writableCase(scope, caseId);
        String author = scope.user().username();
        JournalEntry existing = entryId == null ? ownDraft(caseId, author).orElse(null)
                : entryOf(caseId, entryId, author);
        if (existing != null && existing.signed()) {
            throw new JournalNoteAlreadySigned(existing.id());
        }
        Values v = parse(input, existing, c);
        Timestamp now = Timestamp.from(Instant.now(clock));
        long id;
        if (existing == null) {
            // two autosaves may race to create the draft: the one-draft index makes the second an update
            id = bind(jdbc.sql("""
                    INSERT INTO casework.journal_entries (case_id, entry_date, kind, channel, minutes, note, satisfaction,
                           close_relations_violence, author, created_at, updated_at)
                    VALUES (:case, :date, :kind, :channel, :minutes, :note, :satisfaction, :violence, :author, :now, :now)
                    ON CONFLICT (case_id, author) WHERE signed_at IS NULL DO UPDATE SET entry_date = EXCLUDED.entry_date,
                           kind = EXCLUDED.kind, channel = EXCLUDED.channel, minutes = EXCLUDED.minutes,
                           note = EXCLUDED.note, satisfaction = EXCLUDED.satisfaction,
                           close_relations_violence = EXCLUDED.close_relations_violence, updated_at = EXCLUDED.updated_at
                    RETURNING id"""), v).param("case", caseId).param("author", author).param("now", now)
                    .query(Long.class).single();
        } else {
            int updated = bind(jdbc.sql("""
                    UPDATE casework.journal_entries SET entry_date = :date, kind = :kind, channel = :channel,
                           minutes = :minutes, note = :note, satisfaction = :satisfaction,
                           close_relations_violence = :violence, updated_at = :now
                     WHERE id = :id AND signed_at IS NULL"""), v).param("id", existing.id()).param("now", now).update();
            if (updated == 0) {
                throw new JournalNoteAlreadySigned(existing.id());
            }
            id = existing.id();
        }
        audit.change(AuditSubject.CASE, caseId, "journal draft " + id + " saved");
        return jdbc.sql("SELECT * FROM casework.journal_entries WHERE id = ?").param(id).query(ENTRY).single();
    }

    /**
     * Signs the user's draft: from now on it is final. Refuses an incomplete draft (every missing field named) and,
     * in a Stödcentrum case that has reached its support-talk limit, a further support talk until the choice of how
     * the case goes on is made.
     */
    @Transactional
    public JournalEntry sign(long caseId, long entryId) {
        var scope = access.scope();
        CaseRef c = writableCase(scope, caseId);
        JournalEntry e = entryOf(caseId, entryId, scope.user().username());
        if (e.signed()) {
            throw new JournalNoteAlreadySigned(e.id());
        }
        var errors = new ArrayList<InvalidInput.Violation>();
        LocalDate today = LocalDate.now(clock);
        if (e.date() == null || e.date().isAfter(today) || e.date().isBefore(EARLIEST)) {
            errors.add(new InvalidInput.Violation("date", "journal.error.date"));
        }
        if (e.kind() == null) {
            errors.add(new InvalidInput.Violation("kind", "journal.error.kind"));
        }
        if (e.channel() == null) {
            errors.add(new InvalidInput.Violation("channel", "journal.error.channel"));
        }
        if (e.minutes() == null) {
            errors.add(new InvalidInput.Violation("minutes", "journal.error.minutes", MINUTES_MAX));
        }
        if (e.note() == null || e.note().isBlank()) {
            errors.add(new InvalidInput.Violation("note", "journal.error.note"));
        }
        if (e.kind() != JournalKind.SUPPORT_TALK && e.satisfaction() != null) {
            errors.add(new InvalidInput.Violation("satisfaction", "journal.error.satisfactionKind"));
        }
        if (e.kind() != JournalKind.SUPPORT_TALK && e.closeRelationsViolence() != null) {
            errors.add(new InvalidInput.Violation("closeRelationsViolence", "journal.error.violenceKind"));
        }
        if (c.stodcentrum() && e.kind() == JournalKind.SUPPORT_TALK && e.correctsId() == null
                && stodcentrum.choicePending(c)) {
            errors.add(new InvalidInput.Violation("kind", "stodcentrum.error.choiceFirst", stodcentrum.limit()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        int signed = jdbc.sql("""
                UPDATE casework.journal_entries SET signed_by = ?, signed_at = ? WHERE id = ? AND signed_at IS NULL""")
                .params(scope.user().username(), Timestamp.from(Instant.now(clock)), e.id()).update();
        if (signed == 0) {
            throw new JournalNoteAlreadySigned(e.id());
        }
        audit.change(AuditSubject.CASE, caseId, "journal entry " + e.id() + " signed"
                + (e.correctsId() == null ? "" : ", correcting " + e.correctsId()));
        return entryOf(caseId, e.id(), scope.user().username());
    }

    /**
     * Starts a correction of a signed entry: the user's draft becomes a new entry pointing to it, filled with the
     * corrected entry's content to edit. The user must first sign or throw away a draft they already have. An entry
     * has one correction: when someone else has started or signed one, {@link JournalEntryAlreadyCorrected}; the
     * user's own repeat (a double submit) gets their correction draft back.
     */
    @Transactional
    public JournalEntry startCorrection(long caseId, long correctedId) {
        var scope = access.scope();
        writableCase(scope, caseId);
        String author = scope.user().username();
        JournalEntry original = entryOf(caseId, correctedId, author);
        if (!original.signed()) {
            throw InvalidInput.of("correctsId", "journal.error.correctSigned");
        }
        Optional<JournalEntry> draft = ownDraft(caseId, author);
        if (draft.isPresent()) {
            if (original.id() == (draft.get().correctsId() == null ? -1 : draft.get().correctsId())) {
                return draft.get();
            }
            throw InvalidInput.of("correctsId", "journal.error.draftFirst");
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        // one correction per entry and one draft per author (unique indexes): a concurrent second insert waits for
        // the first and then inserts nothing
        Optional<Long> inserted = jdbc.sql("""
                INSERT INTO casework.journal_entries (case_id, entry_date, kind, channel, minutes, note, satisfaction,
                       close_relations_violence, corrects_id, author, created_at, updated_at)
                SELECT case_id, entry_date, kind, channel, minutes, note, satisfaction, close_relations_violence, id,
                       :author, :now, :now
                  FROM casework.journal_entries WHERE id = :id
                ON CONFLICT DO NOTHING
                RETURNING id""").param("author", author).param("now", now).param("id", original.id())
                .query(Long.class).optional();
        if (inserted.isEmpty()) {
            Optional<JournalEntry> mine = ownDraft(caseId, author);
            if (mine.isPresent() && Long.valueOf(original.id()).equals(mine.get().correctsId())) {
                return mine.get();
            }
            if (mine.isPresent()) {
                throw InvalidInput.of("correctsId", "journal.error.draftFirst");
            }
            throw new JournalEntryAlreadyCorrected(original.id());
        }
        long id = inserted.get();
        audit.change(AuditSubject.CASE, caseId, "journal draft " + id + " started, correcting " + original.id());
        return entryOf(caseId, id, author);
    }

    /** Throws away the user's draft. A signed entry cannot be thrown away. */
    @Transactional
    public void discardDraft(long caseId, long entryId) {
        var scope = access.scope();
        writableCase(scope, caseId);
        JournalEntry e = entryOf(caseId, entryId, scope.user().username());
        if (e.signed()) {
            throw new JournalNoteAlreadySigned(e.id());
        }
        jdbc.sql("DELETE FROM casework.journal_entries WHERE id = ? AND signed_at IS NULL").param(e.id()).update();
        audit.change(AuditSubject.CASE, caseId, "journal draft " + e.id() + " discarded");
    }

    /**
     * Whether the entry is still there for the current user (signed, or their own draft). No access check: only for
     * a form that then saves through {@link #saveDraft}, which checks.
     */
    boolean exists(long caseId, long entryId) {
        return jdbc.sql("""
                SELECT count(*) FROM casework.journal_entries
                 WHERE id = ? AND case_id = ? AND (signed_at IS NOT NULL OR author = ?)""")
                .params(entryId, caseId, CurrentUser.require().username()).query(Long.class).single() > 0;
    }

    private CaseRef visibleCase(CaseAccess.Scope scope, long caseId) {
        access.requireRecords(scope, caseId);
        return jdbc.sql("SELECT * FROM casework.cases WHERE id = ?").param(caseId).query(CASE_REF).single();
    }

    private CaseRef writableCase(CaseAccess.Scope scope, long caseId) {
        CaseRef c = visibleCase(scope, caseId);
        if (!mayWrite(scope, c)) {
            throw new AccessDeniedException("Only the case's own unit writes in its journal");
        }
        return c;
    }

    private boolean mayWrite(CaseAccess.Scope scope, CaseRef c) {
        return access.inOwnUnit(scope, c.unit()) && scope.user().may(Permission.CASE_WORK);
    }

    /** A signed entry of the case, or the user's own draft; anything else does not exist (404). */
    private JournalEntry entryOf(long caseId, long entryId, String user) {
        return jdbc.sql("""
                SELECT * FROM casework.journal_entries WHERE id = ? AND case_id = ? AND (signed_at IS NOT NULL OR author = ?)""")
                .params(entryId, caseId, user).query(ENTRY).optional().orElseThrow(CaseAccess::notFound);
    }

    private Optional<JournalEntry> ownDraft(long caseId, String user) {
        return jdbc.sql("SELECT * FROM casework.journal_entries WHERE case_id = ? AND author = ? AND signed_at IS NULL")
                .params(caseId, user).query(ENTRY).optional();
    }

    /** The draft's values after this input: null fields keep the draft's value, empty ones clear it. */
    private record Values(LocalDate date, JournalKind kind, JournalChannel channel, Integer minutes, String note,
            Integer satisfaction, Boolean violence) {
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Values v) {
        return spec.param("date", v.date()).param("kind", v.kind() == null ? null : v.kind().code())
                .param("channel", v.channel() == null ? null : v.channel().code()).param("minutes", v.minutes())
                .param("note", v.note() == null ? "" : v.note()).param("satisfaction", v.satisfaction())
                .param("violence", v.violence());
    }

    private Values parse(JournalInput in, JournalEntry old, CaseRef c) {
        var input = Input.of(clock);
        DateRange dates = new DateRange(EARLIEST, input.today());
        LocalDate date = old == null ? null : old.date();
        if (in.date() != null) {
            date = input.date("date", in.date(), dates, "journal.error.date");
        }
        JournalKind kind = old == null ? null : old.kind();
        if (in.kind() != null) {
            kind = input.code("kind", in.kind(), JournalKind.class, "journal.error.kind");
        }
        JournalChannel channel = old == null ? null : old.channel();
        if (in.channel() != null) {
            channel = input.code("channel", in.channel(), JournalChannel.class, "journal.error.channel");
        }
        Integer minutes = old == null ? null : old.minutes();
        if (in.minutes() != null) {
            minutes = input.integer("minutes", in.minutes(), 1, MINUTES_MAX, "journal.error.minutes", MINUTES_MAX);
        }
        String note = old == null ? "" : old.note();
        if (in.note() != null) {
            // as typed: the draft is saved while it is being written, spaces and line breaks included
            note = input.asTyped("note", in.note(), CaseworkLimits.JOURNAL_NOTE.max(), "journal.error.noteLength");
        }
        Integer satisfaction = old == null ? null : old.satisfaction();
        if (in.satisfaction() != null) {
            satisfaction = input.integer("satisfaction", in.satisfaction(), 1, 5, "journal.error.satisfaction");
            if (satisfaction != null && !c.stodcentrum()) {
                input.reject("satisfaction", "journal.error.stodcentrumOnly");
            }
        }
        Boolean violence = old == null ? null : old.closeRelationsViolence();
        if (in.closeRelationsViolence() != null) {
            String answer = in.closeRelationsViolence().strip().toLowerCase(Locale.ROOT);
            violence = switch (answer) {
                case "" -> null;
                case "yes", "true" -> true;
                case "no", "false" -> false;
                default -> {
                    input.reject("closeRelationsViolence", "journal.error.violence");
                    yield null;
                }
            };
            if (violence != null && !c.stodcentrum()) {
                input.reject("closeRelationsViolence", "journal.error.stodcentrumOnly");
            }
        }
        input.check();
        return new Values(date, kind, channel, minutes, note, satisfaction, violence);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
