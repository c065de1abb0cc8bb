package se.skyddsnat.training.course;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.skyddsnat.shared.Input;
import se.skyddsnat.training.SessionFormat;

/** The SQL of courses and sessions. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CourseStore {

	private final JdbcClient jdbc;

	static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
	}

	long insertCourse(String title, String description, Audience audience, List<String> units, String by) {
		return jdbc.sql("""
				INSERT INTO training.courses (title, description, audience, units, created_by)
				VALUES (?, ?, ?, ?::varchar[], ?) RETURNING id""")
			.params(title, description, audience.code(), array(units), by)
			.query(Long.class)
			.single();
	}

	public Optional<Course> course(long id) {
		return jdbc.sql("SELECT * FROM training.courses WHERE id = ?")
			.param(id)
			.query((rs, n) -> course(rs))
			.optional();
	}

	public List<Course> courses() {
		return jdbc.sql("SELECT * FROM training.courses ORDER BY id DESC").query((rs, n) -> course(rs)).list();
	}

	record SessionRow(long courseId, SessionFormat format, Instant startsAt, Instant endsAt, String place, String link,
			int capacity, LocalDate opens, LocalDate closes, int releaseDays, List<String> trainers) {
	}

	long insertSession(SessionRow s, String by) {
		return jdbc.sql("""
				INSERT INTO training.sessions (course_id, format, starts_at, ends_at, place, meeting_link, capacity,
				       booking_opens, booking_closes, quota_release_days, trainers, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::varchar[], ?) RETURNING id""")
			.params(s.courseId(), s.format().code(), utc(s.startsAt()), utc(s.endsAt()), s.place(), s.link(),
					s.capacity(), s.opens(), s.closes(), s.releaseDays(), array(s.trainers()), by)
			.query(Long.class)
			.single();
	}

	void updateSession(long id, SessionRow s) {
		jdbc.sql("""
				UPDATE training.sessions SET format = ?, starts_at = ?, ends_at = ?, place = ?, meeting_link = ?,
				       capacity = ?, booking_opens = ?, booking_closes = ?, quota_release_days = ?,
				       trainers = ?::varchar[], reminder_sent_at = CASE WHEN starts_at = ? THEN reminder_sent_at END
				 WHERE id = ?""")
			.params(s.format().code(), utc(s.startsAt()), utc(s.endsAt()), s.place(), s.link(), s.capacity(), s.opens(),
					s.closes(), s.releaseDays(), array(s.trainers()), utc(s.startsAt()), id)
			.update();
	}

	void replaceQuotas(long sessionId, Map<String, Integer> quotas) {
		jdbc.sql("DELETE FROM training.quotas WHERE session_id = ?").param(sessionId).update();
		quotas.forEach(
				(m, seats) -> jdbc.sql("INSERT INTO training.quotas (session_id, municipality, seats) VALUES (?, ?, ?)")
					.params(sessionId, m, seats)
					.update());
	}

	void setState(long id, SessionState state) {
		jdbc.sql("UPDATE training.sessions SET state = ? WHERE id = ?").params(state.code(), id).update();
	}

	private static final String SESSION = """
			SELECT s.*, c.title, c.description, c.audience, c.units,
			       (SELECT coalesce(json_object_agg(q.municipality, q.seats), '{}')::text FROM training.quotas q
			         WHERE q.session_id = s.id) AS quota_json
			  FROM training.sessions s JOIN training.courses c ON c.id = s.course_id""";

	public Optional<Session> session(long id) {
		return jdbc.sql(SESSION + " WHERE s.id = ?").param(id).query((rs, n) -> session(rs)).optional();
	}

	/**
	 * The session, its row locked until the transaction ends: seat decisions for one
	 * session one at a time.
	 */
	public Optional<Session> lockSession(long id) {
		jdbc.sql("SELECT id FROM training.sessions WHERE id = ? FOR UPDATE").param(id).query(Long.class).optional();
		return session(id);
	}

	public List<Session> sessionsOf(long courseId) {
		return jdbc.sql(SESSION + " WHERE s.course_id = ? ORDER BY s.starts_at DESC")
			.param(courseId)
			.query((rs, n) -> session(rs))
			.list();
	}

	/** Sessions starting at or after {@code from}, soonest first (every state). */
	public List<Session> sessionsFrom(Instant from, int limit) {
		return jdbc.sql(SESSION + " WHERE s.starts_at >= ? ORDER BY s.starts_at LIMIT ?")
			.params(utc(from), limit)
			.query((rs, n) -> session(rs))
			.list();
	}

	/** Sessions that started before {@code before}, latest first. */
	public List<Session> sessionsBefore(Instant before, int limit) {
		return jdbc.sql(SESSION + " WHERE s.starts_at < ? ORDER BY s.starts_at DESC LIMIT ?")
			.params(utc(before), limit)
			.query((rs, n) -> session(rs))
			.list();
	}

	/** Published sessions people may book at {@code now}, soonest first. */
	public List<Session> bookable(Instant now, LocalDate today) {
		return jdbc.sql(SESSION + "\n" + """
				WHERE s.state = 'published' AND s.booking_opens <= ? AND s.booking_closes >= ? AND s.starts_at > ?
				ORDER BY s.starts_at""").params(today, today, utc(now)).query((rs, n) -> session(rs)).list();
	}

	private static Course course(ResultSet rs) throws SQLException {
		return new Course(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
				Input.codeOf(Audience.class, rs.getString("audience")), list(rs.getArray("units")));
	}

	private static Session session(ResultSet rs) throws SQLException {
		var course = new Course(rs.getLong("course_id"), rs.getString("title"), rs.getString("description"),
				Input.codeOf(Audience.class, rs.getString("audience")), list(rs.getArray("units")));
		Map<String, Integer> quotas = new HashMap<>();
		String json = rs.getString("quota_json");
		// {"0126" : 5, "0180" : 2}: codes are four digits, seats whole numbers (checked
		// in the table)
		for (var m : java.util.regex.Pattern.compile("\"([0-9]{4})\"\\s*:\\s*([0-9]+)")
			.matcher(json)
			.results()
			.toList()) {
			quotas.put(m.group(1), Integer.parseInt(m.group(2)));
		}
		return new Session(rs.getLong("id"), course, Input.codeOf(SessionFormat.class, rs.getString("format")),
				rs.getObject("starts_at", OffsetDateTime.class).toInstant(),
				rs.getObject("ends_at", OffsetDateTime.class).toInstant(), rs.getString("place"),
				rs.getString("meeting_link"), rs.getInt("capacity"), rs.getObject("booking_opens", LocalDate.class),
				rs.getObject("booking_closes", LocalDate.class), rs.getInt("quota_release_days"),
				rs.getObject("quotas_released_at") != null, list(rs.getArray("trainers")),
				Input.codeOf(SessionState.class, rs.getString("state")), quotas, rs.getObject("purged_at") != null);
	}

	private static List<String> list(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static String array(List<String> values) {
		// a PostgreSQL array literal of codes and user names (letters, digits, _ . -):
		// nothing to quote
		return "{" + String.join(",", values) + "}";
	}

}
