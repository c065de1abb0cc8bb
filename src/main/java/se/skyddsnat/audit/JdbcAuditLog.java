package se.skyddsnat.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends rows to {@code audit.audit_log}, each with the SHA-256 of the previous row's hash and
 * its own fields. An advisory lock serialises writers so the chain has one order; the lock is
 * held until the surrounding transaction commits, which keeps the audit row and the change it
 * records atomic.
 */
@Service
class JdbcAuditLog implements AuditLog, AuditReview {

    static final String GENESIS = "0".repeat(64);
    private static final long CHAIN_LOCK = 0x5359_4B44_4155_4454L; // "SYKDAUDT"

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final Clock clock;

    JdbcAuditLog(JdbcClient jdbc, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(1000);
        this.clock = clock;
    }

    @Override
    public void read(String subjectType, String subjectId, String purpose) {
        record(AuditEvent.of(AuditKind.READ).subject(subjectType, subjectId).purpose(purpose));
    }

    @Override
    public void change(String subjectType, String subjectId, String details) {
        record(AuditEvent.of(AuditKind.CHANGE).subject(subjectType, subjectId).details(details));
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEvent event) {
        String actor = event.actor() != null ? event.actor() : currentActor();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleValue();
        String prev = jdbc.sql("SELECT hash FROM audit.audit_log ORDER BY id DESC LIMIT 1")
                .query(String.class).optional().orElse(GENESIS);
        long id = jdbc.sql("SELECT nextval('audit.audit_log_id_seq')").query(Long.class).single();
        var entry = new AuditEntry(id, now, truncate(actor, 64), event.kind(), truncate(event.subjectType(), 40),
                truncate(event.subjectId(), 100), truncate(event.purpose(), 200), truncate(event.details(), 2000),
                truncate(clientAddress(), 64));
        String hash = hash(prev, entry);
        jdbc.sql("""
                INSERT INTO audit.audit_log
                    (id, occurred_at, actor, kind, subject_type, subject_id, purpose, details, client, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(entry.id(), OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC), entry.actor(), entry.kind().name(),
                        entry.subjectType(), entry.subjectId(), entry.purpose(), entry.details(), entry.client(),
                        prev, hash)
                .update();
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void readAll(String subjectType, java.util.Collection<String> subjectIds, String purpose) {
        if (subjectIds.isEmpty()) {
            return;
        }
        String actor = currentActor();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleValue();
        String prev = jdbc.sql("SELECT hash FROM audit.audit_log ORDER BY id DESC LIMIT 1")
                .query(String.class).optional().orElse(GENESIS);
        List<Long> ids = new ArrayList<>(jdbc.sql("SELECT nextval('audit.audit_log_id_seq') FROM generate_series(1, ?)")
                .param(subjectIds.size()).query(Long.class).list());
        java.util.Collections.sort(ids);
        var sql = new StringBuilder("""
                INSERT INTO audit.audit_log
                    (id, occurred_at, actor, kind, subject_type, subject_id, purpose, details, client, prev_hash, hash)
                VALUES """);
        var params = new ArrayList<Object>();
        int i = 0;
        for (String subjectId : subjectIds) {
            var entry = new AuditEntry(ids.get(i), now, truncate(actor, 64), AuditKind.READ, truncate(subjectType, 40),
                    truncate(subjectId, 100), truncate(purpose, 200), null, truncate(clientAddress(), 64));
            String hash = hash(prev, entry);
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            params.addAll(java.util.Arrays.asList(entry.id(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC), entry.actor(),
                    entry.kind().name(), entry.subjectType(), entry.subjectId(), entry.purpose(), null, entry.client(),
                    prev, hash));
            prev = hash;
            i++;
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    @Override
    @Transactional(readOnly = true)
    public Page search(Query q, int page, int size) {
        var where = new StringBuilder(" WHERE true");
        var params = new ArrayList<Object>();
        if (q.actor() != null && !q.actor().isBlank()) {
            where.append(" AND actor = ?");
            params.add(q.actor().trim().toLowerCase());
        }
        if (q.kind() != null) {
            where.append(" AND kind = ?");
            params.add(q.kind().name());
        }
        if (q.from() != null) {
            where.append(" AND occurred_at >= ?");
            params.add(OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        }
        if (q.to() != null) {
            where.append(" AND occurred_at < ?");
            params.add(OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        }
        if (q.subjectType() != null) {
            where.append(" AND subject_type = ?");
            params.add(q.subjectType());
        }
        if (q.subjectId() != null) {
            where.append(" AND subject_id = ?");
            params.add(q.subjectId());
        }
        params.add(size + 1);
        params.add((long) page * size);
        List<AuditEntry> rows = jdbc.sql("SELECT * FROM audit.audit_log" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, n) -> entry(rs))
                .list();
        boolean more = rows.size() > size;
        return new Page(more ? rows.subList(0, size) : rows, page, size, more);
    }

    @Override
    @Transactional(readOnly = true)
    public Page aboutSubjects(SubjectQuery q, int page, int size) {
        if (q.subjects() == null || q.subjects().isEmpty()) {
            return new Page(List.of(), page, size, false);
        }
        // ids by type; a type asked for without an id matches all its rows (null)
        var byType = new TreeMap<String, Set<String>>();
        for (Subject s : q.subjects()) {
            if (s.id() == null) {
                byType.put(s.type(), null);
            } else if (!byType.containsKey(s.type()) || byType.get(s.type()) != null) {
                byType.computeIfAbsent(s.type(), t -> new LinkedHashSet<>()).add(s.id());
            }
        }
        var where = new StringBuilder(" WHERE (");
        var params = new ArrayList<Object>();
        String or = "";
        for (var type : byType.entrySet()) {
            where.append(or);
            or = " OR ";
            params.add(type.getKey());
            if (type.getValue() == null) {
                where.append("subject_type = ?");
            } else {
                where.append("(subject_type = ? AND subject_id = ANY (?))");
                params.add(type.getValue().toArray(String[]::new));
            }
        }
        where.append(")");
        if (q.actor() != null && !q.actor().isBlank()) {
            where.append(" AND actor = ?");
            params.add(q.actor().trim().toLowerCase());
        }
        if (q.from() != null) {
            where.append(" AND occurred_at >= ?");
            params.add(OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        }
        if (q.to() != null) {
            where.append(" AND occurred_at < ?");
            params.add(OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        }
        params.add(size + 1);
        params.add((long) page * size);
        List<AuditEntry> rows = jdbc.sql("SELECT * FROM audit.audit_log" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, n) -> entry(rs))
                .list();
        boolean more = rows.size() > size;
        return new Page(more ? rows.subList(0, size) : rows, page, size, more);
    }

    @Override
    @Transactional(readOnly = true)
    public ChainStatus verifyChain() {
        var state = new Object() {
            String expectedPrev = GENESIS;
            long checked;
            Long broken;
        };
        // Streams the table in id order (a cursor, inside the read-only transaction).
        streaming.query("SELECT * FROM audit.audit_log ORDER BY id", rs -> {
            if (state.broken != null) {
                return;
            }
            AuditEntry e = entry(rs);
            String prev = rs.getString("prev_hash");
            String stored = rs.getString("hash");
            state.checked++;
            if (!prev.equals(state.expectedPrev) || !stored.equals(hash(prev, e))) {
                state.broken = e.id();
            }
            state.expectedPrev = stored;
        });
        return new ChainStatus(state.broken == null, state.checked, state.broken);
    }

    /** Length-prefixed fields so that no two different rows serialise to the same text. */
    static String hash(String prevHash, AuditEntry e) {
        var sb = new StringBuilder();
        for (Object field : new Object[] { prevHash, e.id(), e.occurredAt(), e.actor(), e.kind().name(),
                e.subjectType(), e.subjectId(), e.purpose(), e.details(), e.client() }) {
            String s = field == null ? "" : field.toString();
            sb.append(field == null ? -1 : s.length()).append(':').append(s).append(';');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
                AuditKind.valueOf(rs.getString("kind")), rs.getString("subject_type"), rs.getString("subject_id"),
                rs.getString("purpose"), rs.getString("details"), rs.getString("client"));
    }

    private static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }

    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
