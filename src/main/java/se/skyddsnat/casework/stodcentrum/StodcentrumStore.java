package se.skyddsnat.casework.stodcentrum;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.skyddsnat.casework.CaseFile;
import se.skyddsnat.casework.Reminder;
import se.skyddsnat.outreach.Gender;
import se.skyddsnat.shared.PersonalNumber;

/**
 * The SQL of Stödcentrum: its support talks (journal entries of its cases), its decisions
 * and its indicators.
 */
@Component
@RequiredArgsConstructor
class StodcentrumStore {

	/**
	 * The support talks that count, on an entry aliased {@code j}: signed, and not
	 * replaced by a signed correction (a corrected talk counts once, as its correction).
	 */
	static final String CURRENT_TALK = " (j.kind = 'support_talk' AND j.signed_at IS NOT NULL AND NOT EXISTS "
			+ "(SELECT 1 FROM casework.journal_entries k WHERE k.corrects_id = j.id AND k.signed_at IS NOT NULL)) ";

	/**
	 * The support talks of every Stödcentrum case in a period (:from, :to), aliased
	 * {@code j} and {@code c}.
	 */
	private static final String TALKS_IN_PERIOD = """
			FROM casework.journal_entries j JOIN casework.cases c ON c.id = j.case_id
			WHERE c.kind = 'stodcentrum_support' AND j.entry_date BETWEEN :from AND :to AND """ + CURRENT_TALK;

	private static final RowMapper<StodcentrumDecision> DECISION = (rs, n) -> new StodcentrumDecision(rs.getLong("id"),
			rs.getLong("case_id"), StodcentrumChoice.of(rs.getString("choice")), rs.getString("reason"),
			rs.getInt("talks"), rs.getObject("decided_on", LocalDate.class), rs.getString("decided_by"));

	private final JdbcClient jdbc;

	private final Clock clock;

	/** The case's support talks that count. */
	int talks(long caseId) {
		return jdbc.sql("SELECT count(*) FROM casework.journal_entries j WHERE j.case_id = ? AND " + CURRENT_TALK)
			.param(caseId)
			.query(Integer.class)
			.single();
	}

	List<StodcentrumDecision> decisions(long caseId) {
		return jdbc.sql("SELECT * FROM casework.stodcentrum_decisions WHERE case_id = ? ORDER BY decided_at, id")
			.param(caseId)
			.query(DECISION)
			.list();
	}

	StodcentrumDecision insertDecision(long caseId, StodcentrumChoice choice, String reason, int talks, LocalDate on,
			String by, Instant at) {
		long id = jdbc
			.sql("""
					INSERT INTO casework.stodcentrum_decisions (case_id, choice, reason, talks, decided_on, decided_by, decided_at)
					VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(caseId, choice.code(), reason, talks, on, by, Timestamp.from(at))
			.query(Long.class)
			.single();
		return jdbc.sql("SELECT * FROM casework.stodcentrum_decisions WHERE id = ?").param(id).query(DECISION).single();
	}

	/** Talks in the period, those rated, and those rated 4 or 5. */
	long[] satisfaction(LocalDate from, LocalDate to) {
		return jdbc
			.sql("SELECT count(*) AS talks, count(j.satisfaction) AS rated, "
					+ "count(*) FILTER (WHERE j.satisfaction >= 4) AS satisfied " + TALKS_IN_PERIOD)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new long[] { rs.getLong("talks"), rs.getLong("rated"), rs.getLong("satisfied") })
			.single();
	}

	/**
	 * Distinct young people (role exposed or child) with a support talk in the period by
	 * gender code (every code present); {@code violence}: only talks about violence in
	 * close relations.
	 */
	Map<String, Long> supported(LocalDate from, LocalDate to, boolean violence) {
		var counts = new LinkedHashMap<String, Long>();
		for (Gender g : Gender.values()) {
			counts.put(g.code(), 0L);
		}
		jdbc.sql("""
				SELECT p.gender, count(DISTINCT p.id) AS people
				  FROM casework.journal_entries j JOIN casework.cases c ON c.id = j.case_id
				  JOIN casework.case_people cp ON cp.case_id = c.id AND cp.role IN ('exposed', 'child')
				  JOIN casework.persons p ON p.id = cp.person_id
				 WHERE c.kind = 'stodcentrum_support' AND j.entry_date BETWEEN :from AND :to AND """ + CURRENT_TALK
				+ (violence ? " AND j.close_relations_violence" : "") + " GROUP BY p.gender")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> Map.entry(rs.getString("gender"), rs.getLong("people")))
			.list()
			.forEach(e -> counts.put(e.getKey(), e.getValue()));
		return counts;
	}

	/**
	 * The age on the opening date of each young person in the case: exact from a
	 * personnummer, a range of two years from a birth year, the band's range from an age
	 * band (as registered), else unknown.
	 */
	List<StodcentrumStatus.Age> ages(CaseFile c) {
		LocalDate opened = c.openedOn();
		return jdbc.sql("""
				SELECT p.id, p.personal_number, p.birth_year, p.age_band FROM casework.persons p
				  JOIN casework.case_people cp ON cp.person_id = p.id
				 WHERE cp.case_id = ? AND cp.role IN ('exposed', 'child') ORDER BY p.id""")
			.param(c.id())
			.query((rs, n) -> {
				long id = rs.getLong("id");
				String number = rs.getString("personal_number");
				Integer year = (Integer) rs.getObject("birth_year");
				String band = rs.getString("age_band");
				if (number != null) {
					int age = Period.between(PersonalNumber.ofStored(number).birthDate(), opened).getYears();
					return new StodcentrumStatus.Age(id, age, age);
				}
				if (year != null) {
					int age = opened.getYear() - year;
					return new StodcentrumStatus.Age(id, Math.max(0, age - 1), Math.max(0, age));
				}
				if (band != null) {
					String[] bounds = band.replace("+", "").split("-");
					return new StodcentrumStatus.Age(id, Integer.valueOf(bounds[0]),
							bounds.length > 1 ? Integer.valueOf(bounds[1]) : null);
				}
				return new StodcentrumStatus.Age(id, null, null);
			})
			.list();
	}

	/**
	 * The units' open Stödcentrum cases that reached the limit without a choice, due the
	 * day the last talk was signed: the case number only.
	 */
	List<Reminder> choicesDue(String[] units, int limit) {
		return jdbc.sql("""
				WITH talks AS (
				    SELECT j.case_id, j.signed_at,
				           row_number() OVER (PARTITION BY j.case_id ORDER BY j.signed_at, j.id) AS n
				      FROM casework.journal_entries j JOIN casework.cases c ON c.id = j.case_id
				     WHERE c.kind = 'stodcentrum_support' AND c.status = 'open' AND c.unit_code = ANY (:units)
				       AND NOT EXISTS (SELECT 1 FROM casework.stodcentrum_decisions d WHERE d.case_id = c.id)
				       AND\s""" + CURRENT_TALK + """
				)
				SELECT case_id, signed_at FROM talks WHERE n = :limit ORDER BY signed_at, case_id""")
			.param("units", units)
			.param("limit", limit)
			.query((rs, n) -> new Reminder("stodcentrum.reminder", new Object[] { rs.getLong("case_id"), limit },
					"/cases/" + rs.getLong("case_id") + "#stodcentrum",
					rs.getTimestamp("signed_at").toInstant().atZone(clock.getZone()).toLocalDate()))
			.list();
	}

}
