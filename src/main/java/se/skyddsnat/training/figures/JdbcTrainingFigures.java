package se.skyddsnat.training.figures;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.shared.Input;
import se.skyddsnat.training.LectureAudience;
import se.skyddsnat.training.Profession;
import se.skyddsnat.training.SessionFormat;
import se.skyddsnat.training.TrainingFigures;

/** {@link TrainingFigures} from training's tables. */
@Service
@RequiredArgsConstructor
class JdbcTrainingFigures implements TrainingFigures {

	/**
	 * Sessions held: published, ended by now, started on a day of the period
	 * (Europe/Stockholm).
	 */
	private static final String HELD = " s.state = 'published' AND s.ends_at <= ?"
			+ " AND (s.starts_at AT TIME ZONE 'Europe/Stockholm')::date BETWEEN ? AND ? ";

	/**
	 * Attendances of held sessions: live bookings and the counts kept after their data
	 * was deleted.
	 */
	private static final String ATTENDED = " SELECT b.municipality, b.role, 1 AS n FROM training.bookings b"
			+ " JOIN training.sessions s ON s.id = b.session_id WHERE b.state = 'attended' AND " + HELD
			+ " UNION ALL SELECT c.municipality, c.role, c.attended FROM training.session_counts c"
			+ " JOIN training.sessions s ON s.id = c.session_id WHERE " + HELD + " ";

	private final JdbcClient jdbc;

	private final Clock clock;

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	@Override
	@Transactional(readOnly = true)
	public Sessions sessionsHeld(LocalDate from, LocalDate to) {
		var byFormat = new EnumMap<SessionFormat, Long>(SessionFormat.class);
		for (SessionFormat f : SessionFormat.values()) {
			byFormat.put(f, 0L);
		}
		jdbc.sql("SELECT s.format, count(*) FROM training.sessions s WHERE " + HELD + " GROUP BY s.format")
			.params(now(), from, to)
			.query((rs, n) -> byFormat.put(Input.codeOf(SessionFormat.class, rs.getString(1)), rs.getLong(2)))
			.list();
		return new Sessions(byFormat.values().stream().mapToLong(Long::longValue).sum(), byFormat);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Integer, Long> sessionsHeldPerYear(int fromYear, int toYear) {
		var years = new TreeMap<Integer, Long>();
		for (int y = fromYear; y <= toYear; y++) {
			years.put(y, 0L);
		}
		jdbc.sql("SELECT extract(year FROM s.starts_at AT TIME ZONE 'Europe/Stockholm')::int, count(*) "
				+ "FROM training.sessions s WHERE " + HELD + " GROUP BY 1")
			.params(now(), LocalDate.of(fromYear, 1, 1), LocalDate.of(toYear, 12, 31))
			.query((rs, n) -> years.put(rs.getInt(1), rs.getLong(2)))
			.list();
		return years;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, Long> attendedByMunicipality(LocalDate from, LocalDate to) {
		var counts = new TreeMap<String, Long>();
		jdbc.sql("SELECT municipality, sum(n) FROM (" + ATTENDED + ") a GROUP BY municipality")
			.params(now(), from, to, now(), from, to)
			.query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		return counts;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Profession, Long> attendedByProfession(LocalDate from, LocalDate to) {
		var counts = new EnumMap<Profession, Long>(Profession.class);
		jdbc.sql("SELECT role, sum(n) FROM (" + ATTENDED + ") a GROUP BY role")
			.params(now(), from, to, now(), from, to)
			.query((rs,
					n) -> counts.merge(Input.codeOf(Profession.class, rs.getString(1)) == null ? Profession.OTHER
							: Input.codeOf(Profession.class, rs.getString(1)), rs.getLong(2), Long::sum))
			.list();
		return counts;
	}

	@Override
	@Transactional(readOnly = true)
	public Lectures lectures(LocalDate from, LocalDate to) {
		var count = new EnumMap<LectureAudience, Long>(LectureAudience.class);
		var heads = new EnumMap<LectureAudience, Long>(LectureAudience.class);
		jdbc.sql("SELECT audience, count(*), sum(head_count) FROM training.lectures WHERE held_on BETWEEN ? AND ? "
				+ "GROUP BY audience")
			.params(from, to)
			.query((rs, n) -> {
				var a = Input.codeOf(LectureAudience.class, rs.getString(1));
				count.put(a, rs.getLong(2));
				return heads.put(a, rs.getLong(3));
			})
			.list();
		return new Lectures(count.values().stream().mapToLong(Long::longValue).sum(),
				heads.values().stream().mapToLong(Long::longValue).sum(), count, heads);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Satisfaction> satisfaction(LocalDate from, LocalDate to) {
		var s = jdbc
			.sql("SELECT count(*) FILTER (WHERE e.satisfaction >= 4), count(*) FROM training.evaluations e "
					+ "JOIN training.sessions s ON s.id = e.session_id WHERE " + HELD)
			.params(now(), from, to)
			.query((rs, n) -> new Satisfaction(rs.getLong(1), rs.getLong(2)))
			.single();
		return s.answers() < MIN_ANSWERS ? Optional.empty() : Optional.of(s);
	}

}
