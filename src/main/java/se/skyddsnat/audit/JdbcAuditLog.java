package se.skyddsnat.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes rows to {@code audit.audit_log} with one INSERT each, in the caller's
 * transaction: no lock, no hash, so requests never wait for each other here, and a change
 * and its audit row still commit or roll back together. {@link AuditSealer} links the
 * committed rows into the keyed chain shortly after.
 */
@Service
@RequiredArgsConstructor
class JdbcAuditLog implements AuditLog, AuditReview {

	private static final String INSERT = """
			INSERT INTO audit.audit_log
			    (occurred_at, actor, kind, subject_type, subject_id, subject_ids, purpose, details, client)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditSealer sealer;

	private final ChainVerifier verifier;

	@Override
	public void read(AuditSubject subject, Object id, ReadPurpose purpose) {
		record(AuditEvent.of(AuditKind.READ).subject(subject, id).purpose(purpose));
	}

	@Override
	public void change(AuditSubject subject, Object id, String details) {
		record(AuditEvent.of(AuditKind.CHANGE).subject(subject, id).details(details));
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void record(AuditEvent event) {
		insert(event.kind(), event.actor() != null ? event.actor() : currentActor(), event.subjectType(),
				event.subjectId(), null, event.purpose(), event.details());
	}

	@Override
	@Transactional(propagation = Propagation.REQUIRED)
	public void readAll(AuditSubject subject, Collection<?> subjectIds, ReadPurpose purpose) {
		var ids = new LinkedHashSet<String>();
		for (Object id : subjectIds) {
			if (id != null) {
				ids.add(truncate(id.toString(), 100));
			}
		}
		if (ids.isEmpty()) {
			return;
		}
		if (ids.size() == 1) {
			read(subject, ids.getFirst(), purpose);
			return;
		}
		insert(AuditKind.READ, currentActor(), subject.code(), null, ids.toArray(String[]::new), purpose.code(), null);
	}

	private void insert(AuditKind kind, String actor, String subjectType, String subjectId, String[] subjectIds,
			String purpose, String details) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		jdbc.sql(INSERT)
			.params(OffsetDateTime.ofInstant(now, ZoneOffset.UTC), truncate(actor, 64), kind.name(),
					truncate(subjectType, 40), truncate(subjectId, 100), subjectIds, truncate(purpose, 200),
					truncate(details, 2000), truncate(clientAddress(), 64))
			.update();
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
			where.append(" AND (subject_id = ? OR subject_ids @> ARRAY[?]::text[])");
			params.add(q.subjectId());
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

	/**
	 * A row naming several records is expanded (unnest) into one entry per record, and
	 * only the records asked about are kept: "who saw person X" finds every list and
	 * search that showed X (through the GIN index on {@code subject_ids}), and a review
	 * limited to a unit's records shows nothing of other units' records.
	 */
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
			}
			else if (!byType.containsKey(s.type()) || byType.get(s.type()) != null) {
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
				where.append("a.subject_type = ?");
			}
			else {
				String[] ids = type.getValue().toArray(String[]::new);
				where.append("(a.subject_type = ? AND (a.subject_id = ANY (?) OR a.subject_ids && ?::text[])"
						+ " AND s.subject = ANY (?))");
				params.addAll(Arrays.asList(ids, ids, ids));
			}
		}
		where.append(")");
		if (q.actor() != null && !q.actor().isBlank()) {
			where.append(" AND a.actor = ?");
			params.add(q.actor().trim().toLowerCase());
		}
		if (q.from() != null) {
			where.append(" AND a.occurred_at >= ?");
			params.add(OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
		}
		if (q.to() != null) {
			where.append(" AND a.occurred_at < ?");
			params.add(OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
		}
		params.add(size + 1);
		params.add((long) page * size);
		List<AuditEntry> rows = jdbc.sql("""
				SELECT a.id, a.occurred_at, a.actor, a.kind, a.subject_type, s.subject AS subject_id,
				       NULL::text[] AS subject_ids, a.purpose, a.details, a.client
				FROM audit.audit_log a
				CROSS JOIN LATERAL unnest(coalesce(a.subject_ids, ARRAY[a.subject_id])) WITH ORDINALITY
				    AS s(subject, n)""" + where + " ORDER BY a.id DESC, s.n LIMIT ? OFFSET ?")
			.params(params)
			.query((rs, n) -> entry(rs))
			.list();
		boolean more = rows.size() > size;
		return new Page(more ? rows.subList(0, size) : rows, page, size, more);
	}

	@Override
	public ChainStatus verifyChain() {
		sealer.sealIfIdle();
		return verifier.check();
	}

	static AuditEntry entry(ResultSet rs) throws SQLException {
		Array ids = rs.getArray("subject_ids");
		return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), AuditKind.valueOf(rs.getString("kind")), rs.getString("subject_type"),
				rs.getString("subject_id"), rs.getString("purpose"), rs.getString("details"), rs.getString("client"),
				ids == null ? null : Arrays.asList((String[]) ids.getArray()));
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
