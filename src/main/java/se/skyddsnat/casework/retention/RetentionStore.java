package se.skyddsnat.casework.retention;

import java.time.LocalDate;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of retention: the facts that decide what falls due (each record's last entry,
 * open cases, children) and the approval, whose deletion runs in the database function
 * {@code casework.delete_approved_records}.
 */
@Component
@RequiredArgsConstructor
class RetentionStore {

	/**
	 * A person record of the unit: when it was registered and the personnummer's digits
	 * (null when anonymous).
	 */
	record PersonFacts(long id, String digits, String name, String alias, LocalDate registeredOn) {
	}

	/**
	 * A case that one of the people is in (of any unit), with its people and the date of
	 * its last entry.
	 */
	record CaseFacts(long id, String unit, String kind, boolean open, boolean withChild, LocalDate lastEntry,
			LocalDate closedOn, List<Long> people) {
	}

	private final JdbcClient jdbc;

	List<PersonFacts> peopleOf(String unit) {
		return jdbc.sql("""
				SELECT id, personal_number, name, alias, (created_at AT TIME ZONE 'UTC')::date AS registered_on
				  FROM casework.persons WHERE unit_code = :unit ORDER BY id""")
			.param("unit", unit)
			.query((rs, n) -> new PersonFacts(rs.getLong("id"), rs.getString("personal_number"), rs.getString("name"),
					rs.getString("alias"), rs.getObject("registered_on", LocalDate.class)))
			.list();
	}

	/** Every case that a person of the unit is in, or that is the unit's. */
	List<CaseFacts> casesOf(String unit) {
		return jdbc
			.sql("""
					SELECT c.id, c.unit_code, c.kind, c.status = 'open' AS open, c.closed_on,
					       EXISTS (SELECT 1 FROM casework.case_people k WHERE k.case_id = c.id AND k.role = 'child') AS with_child,
					       GREATEST(c.opened_on, c.closed_on, (c.created_at AT TIME ZONE 'UTC')::date,
					         (SELECT max(GREATEST(j.entry_date, (j.updated_at AT TIME ZONE 'UTC')::date,
					                              (j.signed_at AT TIME ZONE 'UTC')::date))
					            FROM casework.journal_entries j WHERE j.case_id = c.id),
					         (SELECT max(GREATEST(r.created_at, r.sent_at, r.answered_at, r.closed_at) AT TIME ZONE 'UTC')::date
					            FROM casework.referrals r WHERE r.case_id = c.id),
					         (SELECT max(co.recorded_at AT TIME ZONE 'UTC')::date FROM casework.consents co WHERE co.case_id = c.id),
					         (SELECT max(GREATEST(t.to_date, (t.created_at AT TIME ZONE 'UTC')::date))
					            FROM casework.track_housing t WHERE t.case_id = c.id),
					         (SELECT max(GREATEST(t.decided_on, (t.created_at AT TIME ZONE 'UTC')::date))
					            FROM casework.track_permits t WHERE t.case_id = c.id),
					         (SELECT max(GREATEST(t.contact_date, (t.created_at AT TIME ZONE 'UTC')::date))
					            FROM casework.track_contacts t WHERE t.case_id = c.id),
					         (SELECT max(GREATEST(t.return_date, t.follow_up_done_on, (t.created_at AT TIME ZONE 'UTC')::date))
					            FROM casework.track_returns t WHERE t.case_id = c.id),
					         (SELECT max(GREATEST(t.contacted_on, (t.created_at AT TIME ZONE 'UTC')::date))
					            FROM casework.track_home_links t WHERE t.case_id = c.id),
					         (SELECT max(s.decided_on) FROM casework.stodcentrum_decisions s WHERE s.case_id = c.id)) AS last_entry,
					       ARRAY(SELECT cp.person_id FROM casework.case_people cp WHERE cp.case_id = c.id ORDER BY 1) AS people
					  FROM casework.cases c
					 WHERE c.unit_code = :unit
					    OR EXISTS (SELECT 1 FROM casework.case_people cp JOIN casework.persons p ON p.id = cp.person_id
					                WHERE cp.case_id = c.id AND p.unit_code = :unit)
					 ORDER BY c.id""")
			.param("unit", unit)
			.query((rs, n) -> new CaseFacts(rs.getLong("id"), rs.getString("unit_code"), rs.getString("kind"),
					rs.getBoolean("open"), rs.getBoolean("with_child"), rs.getObject("last_entry", LocalDate.class),
					rs.getObject("closed_on", LocalDate.class), List.of((Long[]) rs.getArray("people").getArray())))
			.list();
	}

	/**
	 * The units of people outside {@code unit} who share a case with the unit's people.
	 */
	List<PersonFacts> people(List<Long> ids) {
		return jdbc.sql("""
				SELECT id, personal_number, name, alias, (created_at AT TIME ZONE 'UTC')::date AS registered_on
				  FROM casework.persons WHERE id = ANY(:ids) ORDER BY id""")
			.param("ids", ids.toArray(Long[]::new))
			.query((rs, n) -> new PersonFacts(rs.getLong("id"), rs.getString("personal_number"), rs.getString("name"),
					rs.getString("alias"), rs.getObject("registered_on", LocalDate.class)))
			.list();
	}

	long approve(String unit, LocalDate cutoff, List<Long> people, List<Long> cases, String approvedBy,
			java.time.Instant at) {
		return jdbc.sql("""
				INSERT INTO retention.approvals (unit_code, cutoff, person_ids, case_ids, approved_by, approved_at)
				VALUES (:unit, :cutoff, :people, :cases, :by, :at) RETURNING id""")
			.param("unit", unit)
			.param("cutoff", cutoff)
			.param("people", people.toArray(Long[]::new))
			.param("cases", cases.toArray(Long[]::new))
			.param("by", approvedBy)
			.param("at", java.sql.Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	/**
	 * Carries the approval out in the database function: the one path past the
	 * signed-journal protection.
	 */
	int[] delete(long approval) {
		return jdbc.sql("SELECT people, cases FROM casework.delete_approved_records(:id)")
			.param("id", approval)
			.query((rs, n) -> new int[] { rs.getInt("people"), rs.getInt("cases") })
			.single();
	}

}
