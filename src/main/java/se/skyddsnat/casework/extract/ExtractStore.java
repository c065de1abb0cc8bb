package se.skyddsnat.casework.extract;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.skyddsnat.casework.extract.RegisterExtract.Entry;
import se.skyddsnat.casework.extract.RegisterExtract.Field;
import se.skyddsnat.casework.extract.RegisterExtract.Note;

/**
 * The SQL of the register extract: every record of the people with one personnummer, in
 * every unit — deliberately without the need-to-know condition
 * ({@code casework.core.CaseAccess}), which is why only {@link RegisterExtracts} calls
 * it, for the configured roles and audited. A row becomes an entry whose fields are its
 * columns, in order, labelled {@code extract.field.<column>}; the columns
 * {@code heading_key} and {@code heading_id} (and {@code heading_unit}) make its heading
 * and are not shown as fields. Empty values are left out.
 */
@Component
class ExtractStore {

	private static final Set<String> HEADING = Set.of("heading_key", "heading_id", "heading_unit");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final JdbcClient jdbc;

	private final ZoneId zone;

	ExtractStore(JdbcClient jdbc, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.zone = clock.getZone();
	}

	List<Long> people(String digits) {
		return jdbc.sql("SELECT id FROM casework.persons WHERE personal_number = :pn ORDER BY unit_code, id")
			.param("pn", digits)
			.query(Long.class)
			.list();
	}

	List<Long> cases(List<Long> people) {
		return jdbc
			.sql("SELECT DISTINCT case_id FROM casework.case_people WHERE person_id = ANY(:ids) ORDER BY case_id")
			.param("ids", ids(people))
			.query(Long.class)
			.list();
	}

	List<Long> referrals(List<Long> people) {
		return jdbc
			.sql("SELECT DISTINCT referral_id FROM casework.referral_people WHERE person_id = ANY(:ids) "
					+ "ORDER BY referral_id")
			.param("ids", ids(people))
			.query(Long.class)
			.list();
	}

	List<Long> emergencyAccesses(List<Long> people) {
		return jdbc.sql("SELECT id FROM casework.emergency_access WHERE person_id = ANY(:ids) ORDER BY id")
			.param("ids", ids(people))
			.query(Long.class)
			.list();
	}

	List<Entry> personRecords(List<Long> people) {
		return entries("""
				SELECT 'extract.person.heading' AS heading_key, id AS heading_id, unit_code AS heading_unit,
				       personal_number, name, alias, birth_year, age_band, gender, phone, email, address, protection,
				       home_municipality, created_by, created_at
				  FROM casework.persons WHERE id = ANY(:ids) ORDER BY unit_code, id""", people);
	}

	List<Entry> cases(List<Long> people, List<Long> cases) {
		return entries("""
				SELECT 'extract.case.heading' AS heading_key, c.id AS heading_id, c.unit_code AS heading_unit,
				       (SELECT string_agg(cp.role, ', ') FROM casework.case_people cp
				         WHERE cp.case_id = c.id AND cp.person_id = ANY(:people)) AS role,
				       c.kind, c.status, c.opened_on, c.closed_on, c.outcome, c.reason, c.responsible, c.created_by,
				       c.created_at
				  FROM casework.cases c WHERE c.id = ANY(:ids) ORDER BY c.unit_code, c.opened_on, c.id""", cases,
				Map.of("people", ids(people)));
	}

	/**
	 * Per case, how many other people it concerns, by role (e.g. {"relative": 1, "child":
	 * 2}).
	 */
	Map<Long, Map<String, Integer>> othersInCases(List<Long> people, List<Long> cases) {
		var result = new TreeMap<Long, Map<String, Integer>>();
		jdbc.sql(
				"""
						SELECT case_id, role, count(*) AS n FROM casework.case_people
						 WHERE case_id = ANY(:cases) AND NOT person_id = ANY(:people) GROUP BY case_id, role ORDER BY case_id, role""")
			.param("cases", ids(cases))
			.param("people", ids(people))
			.query(rs -> {
				result.computeIfAbsent(rs.getLong("case_id"), k -> new TreeMap<>())
					.put(rs.getString("role"), rs.getInt("n"));
			});
		return result;
	}

	List<Entry> journal(List<Long> cases) {
		return entries("""
				SELECT 'extract.journal.heading' AS heading_key, j.id AS heading_id, c.unit_code AS heading_unit,
				       j.case_id, j.entry_date, j.kind AS journal_kind, j.channel, j.minutes, j.note,
				       j.corrects_id, j.author, j.signed_by, j.signed_at,
				       CASE WHEN j.signed_at IS NULL THEN 'draft' ELSE 'signed' END AS journal_state
				  FROM casework.journal_entries j JOIN casework.cases c ON c.id = j.case_id
				 WHERE j.case_id = ANY(:ids) ORDER BY j.case_id, j.entry_date NULLS LAST, j.id""", cases);
	}

	List<Entry> track(List<Long> cases) {
		var all = new ArrayList<Entry>();
		all.addAll(
				entries("""
						SELECT 'extract.track.housing' AS heading_key, id AS heading_id, case_id, from_date, to_date, provider,
						       created_by FROM casework.track_housing WHERE case_id = ANY(:ids) ORDER BY case_id, from_date, id""",
						cases));
		all.addAll(
				entries("""
						SELECT 'extract.track.permit' AS heading_key, id AS heading_id, case_id, kind AS permit_kind, applied_on,
						       decision, decided_on, valid_until, created_by
						  FROM casework.track_permits WHERE case_id = ANY(:ids) ORDER BY case_id, applied_on, id""",
						cases));
		all.addAll(entries("""
				SELECT 'extract.track.contact' AS heading_key, id AS heading_id, case_id, contact_date,
				       kind AS contact_kind, note, created_by
				  FROM casework.track_contacts WHERE case_id = ANY(:ids) ORDER BY case_id, contact_date, id""", cases));
		all.addAll(entries("""
				SELECT 'extract.track.return' AS heading_key, id AS heading_id, case_id, applied_on, return_date,
				       follow_up_done_on, created_by
				  FROM casework.track_returns WHERE case_id = ANY(:ids) ORDER BY case_id, applied_on, id""", cases));
		all.addAll(entries("""
				SELECT 'extract.track.home' AS heading_key, id AS heading_id, case_id, municipality, contacted_on, note,
				       created_by
				  FROM casework.track_home_links WHERE case_id = ANY(:ids) ORDER BY case_id, contacted_on, id""",
				cases));
		all.addAll(entries("""
				SELECT 'extract.stodcentrum.heading' AS heading_key, id AS heading_id, case_id, choice, reason, talks,
				       decided_on, decided_by
				  FROM casework.stodcentrum_decisions WHERE case_id = ANY(:ids) ORDER BY case_id, id""", cases));
		return all;
	}

	List<Entry> referralEntries(List<Long> referrals) {
		return entries("""
				SELECT 'extract.referral.heading' AS heading_key, id AS heading_id, from_unit AS heading_unit, case_id,
				       target_kind, recipient_name, state AS referral_state, summary, created_by, created_at, sent_at,
				       answered_at, decline_reason, closed_at
				  FROM casework.referrals WHERE id = ANY(:ids) ORDER BY id""", referrals);
	}

	List<Entry> consents(List<Long> people) {
		return entries("""
				SELECT 'extract.consent.heading' AS heading_key, co.id AS heading_id, c.unit_code AS heading_unit,
				       co.case_id, co.kind AS consent_kind, co.given_on, co.scope, co.recorded_by, co.recorded_at
				  FROM casework.consents co JOIN casework.cases c ON c.id = co.case_id
				 WHERE co.person_id = ANY(:ids) ORDER BY co.case_id, co.given_on, co.id""", people);
	}

	List<Entry> emergencyAccessEntries(List<Long> grants) {
		return entries("""
				SELECT 'extract.emergency.heading' AS heading_key, id AS heading_id, username, reason, granted_at,
				       expires_at, reviewed_by, reviewed_at
				  FROM casework.emergency_access WHERE id = ANY(:ids) ORDER BY granted_at, id""", grants);
	}

	private List<Entry> entries(String sql, List<Long> ids) {
		return entries(sql, ids, Map.of());
	}

	private List<Entry> entries(String sql, List<Long> ids, Map<String, Object> more) {
		if (ids.isEmpty()) {
			return List.of();
		}
		var spec = jdbc.sql(sql).param("ids", ids(ids));
		for (var e : more.entrySet()) {
			spec = spec.param(e.getKey(), e.getValue());
		}
		return spec.query((rs, n) -> entry(rs)).list();
	}

	private Entry entry(ResultSet rs) throws SQLException {
		ResultSetMetaData meta = rs.getMetaData();
		var fields = new ArrayList<Field>();
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			String column = meta.getColumnLabel(i);
			if (HEADING.contains(column)) {
				continue;
			}
			String value = text(rs.getObject(i));
			if (value != null && !value.isBlank()) {
				fields.add(new Field("extract.field." + column, value));
			}
		}
		String unit = hasColumn(meta, "heading_unit") ? rs.getString("heading_unit") : null;
		Note heading = unit == null ? Note.of(rs.getString("heading_key"), rs.getLong("heading_id"))
				: Note.of(rs.getString("heading_key") + ".inUnit", rs.getLong("heading_id"), unit);
		return new Entry(heading, fields, new ArrayList<>());
	}

	private String text(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof java.sql.Timestamp t) {
			return TIME.format(t.toInstant().atZone(zone));
		}
		if (value instanceof OffsetDateTime t) {
			return TIME.format(t.atZoneSameInstant(zone));
		}
		return value.toString().strip();
	}

	private static boolean hasColumn(ResultSetMetaData meta, String name) throws SQLException {
		for (int i = 1; i <= meta.getColumnCount(); i++) {
			if (meta.getColumnLabel(i).equals(name)) {
				return true;
			}
		}
		return false;
	}

	private static Long[] ids(List<Long> ids) {
		return ids.toArray(Long[]::new);
	}

}
