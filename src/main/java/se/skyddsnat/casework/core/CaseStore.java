package se.skyddsnat.casework.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.skyddsnat.casework.CaseFile;
import se.skyddsnat.casework.CaseKind;
import se.skyddsnat.casework.CaseOutcome;
import se.skyddsnat.casework.CaseRole;
import se.skyddsnat.shared.Keyset;
import se.skyddsnat.shared.UnitCode;

/**
 * The SQL of cases and the people in them, one query per question. No access check and no
 * audit: the services that call it have checked with {@link CaseAccess} and audit what
 * they show.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CaseStore {

	private static final RowMapper<CaseFile> CASE = (rs, n) -> new CaseFile(rs.getLong("id"),
			UnitCode.of(rs.getString("unit_code")), CaseKind.of(rs.getString("kind")), rs.getString("responsible"),
			rs.getString("status").equals("open"), rs.getObject("opened_on", LocalDate.class), rs.getString("reason"),
			rs.getObject("closed_on", LocalDate.class),
			rs.getString("outcome") == null ? null : CaseOutcome.of(rs.getString("outcome")),
			(Long) rs.getObject("encounter_id"), List.of(), false);

	private final JdbcClient jdbc;

	/** The case's own facts (without its people). */
	public Optional<CaseFile> find(long id) {
		return jdbc.sql("SELECT * FROM casework.cases WHERE id = ?").param(id).query(CASE).optional();
	}

	/** The case, which the caller knows exists (it has checked access): 404 otherwise. */
	public CaseFile get(long id) {
		return find(id).orElseThrow(CaseAccess::notFound);
	}

	/**
	 * A page of the cases visible in the scope, newest first (by the day opened, then
	 * id).
	 */
	public Keyset.Page<CaseFile> visible(CaseAccess.Scope scope, boolean openOnly, Keyset.Request page) {
		return page.page(page
			.bind(scope.bind(jdbc.sql("SELECT * FROM casework.cases c WHERE " + CaseAccess.VISIBLE_CASE
					+ (openOnly ? " AND c.status = 'open'" : "") + page.sql("c.opened_on", "c.id"))))
			.query(CASE)
			.list(), c -> new Keyset.Key(c.openedOn(), c.id()));
	}

	/**
	 * The cases visible in the scope as list rows: {@code status} "open", "closed" or
	 * null for both; {@code order} one of the whitelisted ORDER BY clauses of
	 * {@link #ORDERS} (never user text); {@code responsible} only that worker's cases
	 * when not null. The last journal day is that of the newest signed entry, for readers
	 * of the case's records.
	 */
	public List<Row> rows(CaseAccess.Scope scope, String status, String order, String responsible, int limit) {
		if (!ORDERS.containsValue(order)) {
			throw new IllegalArgumentException("Not a whitelisted order");
		}
		return scope.bind(jdbc.sql("""
				SELECT c.*, CASE WHEN\s""" + CaseAccess.CASE_RECORDS + """
				       THEN (SELECT max(j.entry_date) FROM casework.journal_entries j
				              WHERE j.case_id = c.id AND j.signed_at IS NOT NULL) END AS last_journal
				 FROM casework.cases c
				WHERE\s""" + CaseAccess.VISIBLE_CASE + """
				  AND (CAST(:status AS varchar) IS NULL OR c.status = :status)
				  AND (CAST(:responsible AS varchar) IS NULL OR c.responsible = :responsible)
				ORDER BY\s""" + order + ", c.id DESC LIMIT :limit"))
			.param("status", status)
			.param("responsible", responsible)
			.param("limit", limit)
			.query((rs, n) -> new Row(CASE.mapRow(rs, n), rs.getObject("last_journal", LocalDate.class)))
			.list();
	}

	/**
	 * A case's facts with the day of its last signed journal entry (null when none, or
	 * not the reader's to see).
	 */
	public record Row(CaseFile file, LocalDate lastJournal) {
	}

	/**
	 * The sort keys a case list accepts, and their SQL: nothing else reaches ORDER BY.
	 */
	public static final java.util.Map<String, String> ORDERS = java.util.Map.of("opened", "c.opened_on DESC", "number",
			"c.id", "kind", "c.kind", "status", "c.status DESC", "responsible", "c.responsible", "journal",
			"last_journal DESC NULLS LAST");

	/** The cases of a person visible in the scope, newest first. */
	public List<CaseFile> ofPerson(CaseAccess.Scope scope, long personId) {
		return scope
			.bind(jdbc.sql("SELECT c.* FROM casework.cases c JOIN casework.case_people cp ON cp.case_id = c.id "
					+ "WHERE cp.person_id = :person AND " + CaseAccess.VISIBLE_CASE + " ORDER BY c.opened_on DESC"))
			.param("person", personId)
			.query(CASE)
			.list();
	}

	public long insert(UnitCode unit, CaseKind kind, String responsible, LocalDate openedOn, String reason,
			Long encounterId, String createdBy) {
		return jdbc.sql("""
				INSERT INTO casework.cases (unit_code, kind, responsible, opened_on, reason, encounter_id, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(unit.value(), kind.code(), responsible, openedOn, reason, encounterId, createdBy)
			.query(Long.class)
			.single();
	}

	/**
	 * Adds a person with their part in the case; a person already in it stays as they
	 * were.
	 */
	public void addPerson(long caseId, long personId, CaseRole role) {
		jdbc.sql("INSERT INTO casework.case_people (case_id, person_id, role) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(caseId, personId, role.code())
			.update();
	}

	public void close(long caseId, LocalDate closedOn, CaseOutcome outcome) {
		jdbc.sql("UPDATE casework.cases SET status = 'closed', closed_on = ?, outcome = ? WHERE id = ?")
			.params(closedOn, outcome.code(), caseId)
			.update();
	}

	/**
	 * Writes the case's state (status, closing, responsible) as the aggregate now has it,
	 * if it is still as {@code before} (a concurrent change in between: false, nothing
	 * written), with the change and its reason.
	 */
	public boolean saveState(CaseFile before, CaseFile after, String change, String oldValue, String newValue,
			String reason, String by) {
		boolean saved = jdbc.sql("""
				UPDATE casework.cases SET status = :status, closed_on = :closedOn, outcome = :outcome,
				       responsible = :responsible
				 WHERE id = :id AND status = :was AND responsible = :wasResponsible""")
			.param("status", after.open() ? "open" : "closed")
			.param("closedOn", after.closedOn())
			.param("outcome", after.outcome() == null ? null : after.outcome().code())
			.param("responsible", after.responsible())
			.param("id", before.id())
			.param("was", before.open() ? "open" : "closed")
			.param("wasResponsible", before.responsible())
			.update() > 0;
		if (saved) {
			jdbc.sql("""
					INSERT INTO casework.case_changes (case_id, change, old_value, new_value, reason, changed_by)
					VALUES (?, ?, ?, ?, ?, ?)""").params(before.id(), change, oldValue, newValue, reason, by).update();
		}
		return saved;
	}

	/** A case's state change as kept. */
	public record Change(String change, String oldValue, String newValue, String reason, String changedBy,
			java.time.Instant changedAt) {
	}

	/** The case's state changes, newest first. */
	public List<Change> changes(long caseId) {
		return jdbc.sql("SELECT * FROM casework.case_changes WHERE case_id = ? ORDER BY id DESC")
			.param(caseId)
			.query((rs, n) -> new Change(rs.getString("change"), rs.getString("old_value"), rs.getString("new_value"),
					rs.getString("reason"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()))
			.list();
	}

	/** The ids of every person in the case, whoever may see them. */
	public List<Long> people(long caseId) {
		return jdbc.sql("SELECT person_id FROM casework.case_people WHERE case_id = ? ORDER BY person_id")
			.param(caseId)
			.query(Long.class)
			.list();
	}

}
