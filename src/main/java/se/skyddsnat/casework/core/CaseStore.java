package se.skyddsnat.casework.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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
 * The SQL of cases and the people in them, one query per question. No access check and no audit: the services that
 * call it have checked with {@link CaseAccess} and audit what they show.
 */
@Component
public class CaseStore {

    private static final RowMapper<CaseFile> CASE = (rs, n) -> new CaseFile(rs.getLong("id"),
            UnitCode.of(rs.getString("unit_code")), CaseKind.of(rs.getString("kind")), rs.getString("responsible"),
            rs.getString("status").equals("open"), rs.getObject("opened_on", LocalDate.class), rs.getString("reason"),
            rs.getObject("closed_on", LocalDate.class),
            rs.getString("outcome") == null ? null : CaseOutcome.of(rs.getString("outcome")),
            (Long) rs.getObject("encounter_id"), List.of(), false);

    private final JdbcClient jdbc;

    CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The case's own facts (without its people). */
    public Optional<CaseFile> find(long id) {
        return jdbc.sql("SELECT * FROM casework.cases WHERE id = ?").param(id).query(CASE).optional();
    }

    /** The case, which the caller knows exists (it has checked access): 404 otherwise. */
    public CaseFile get(long id) {
        return find(id).orElseThrow(CaseAccess::notFound);
    }

    /** A page of the cases visible in the scope, newest first (by the day opened, then id). */
    public Keyset.Page<CaseFile> visible(CaseAccess.Scope scope, boolean openOnly, Keyset.Request page) {
        return page.page(page.bind(scope.bind(jdbc.sql("SELECT * FROM casework.cases c WHERE " + CaseAccess.VISIBLE_CASE
                + (openOnly ? " AND c.status = 'open'" : "") + page.sql("c.opened_on", "c.id"))))
                .query(CASE).list(), c -> new Keyset.Key(c.openedOn(), c.id()));
    }

    /** The cases of a person visible in the scope, newest first. */
    public List<CaseFile> ofPerson(CaseAccess.Scope scope, long personId) {
        return scope.bind(jdbc.sql("SELECT c.* FROM casework.cases c JOIN casework.case_people cp ON cp.case_id = c.id "
                + "WHERE cp.person_id = :person AND " + CaseAccess.VISIBLE_CASE + " ORDER BY c.opened_on DESC"))
                .param("person", personId).query(CASE).list();
    }

    public long insert(UnitCode unit, CaseKind kind, String responsible, LocalDate openedOn, String reason,
            Long encounterId, String createdBy) {
        return jdbc.sql("""
                INSERT INTO casework.cases (unit_code, kind, responsible, opened_on, reason, encounter_id, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(unit.value(), kind.code(), responsible, openedOn, reason, encounterId, createdBy)
                .query(Long.class).single();
    }

    /** Adds a person with their part in the case; a person already in it stays as they were. */
    public void addPerson(long caseId, long personId, CaseRole role) {
        jdbc.sql("INSERT INTO casework.case_people (case_id, person_id, role) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(caseId, personId, role.code()).update();
    }

    public void close(long caseId, LocalDate closedOn, CaseOutcome outcome) {
        jdbc.sql("UPDATE casework.cases SET status = 'closed', closed_on = ?, outcome = ? WHERE id = ?")
                .params(closedOn, outcome.code(), caseId).update();
    }

    /** The ids of every person in the case, whoever may see them. */
    public List<Long> people(long caseId) {
        return jdbc.sql("SELECT person_id FROM casework.case_people WHERE case_id = ? ORDER BY person_id")
                .param(caseId).query(Long.class).list();
    }
}
