package se.skyddsnat.casework.stodcentrum;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import se.skyddsnat.outreach.Gender;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.PersonalNumber;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.casework.Cases;
import se.skyddsnat.casework.core.CaseAccess;
import se.skyddsnat.casework.core.CaseworkLimits;
import se.skyddsnat.casework.core.CaseworkProperties;
import se.skyddsnat.casework.journal.Journal;

/**
 * Stödcentrum: support for young victims and witnesses of crime (by default aged 10–20; outside the range the
 * case page warns, nothing is refused). As a rule at most five support talks: when the last one is signed the
 * worker chooses — close, link on to the ordinary social services or to child and adolescent psychiatry, or go on
 * for a written reason — and until then the case page asks for the choice and the unit's start page reminds.
 * The indicators (share satisfied; young people supported for violence in close relations, by gender) are
 * aggregates for coordinators, managers and analysts.
 */
@Service
public class Stodcentrum {

    /**
     * The support talks that count, on an entry aliased {@code j}: signed, and not replaced by a signed correction
     * (a corrected talk counts once, as its correction).
     */
    static final String CURRENT_TALK = " (j.kind = 'support_talk' AND j.signed_at IS NOT NULL AND NOT EXISTS "
            + "(SELECT 1 FROM casework.journal_entries k WHERE k.corrects_id = j.id AND k.signed_at IS NOT NULL)) ";


    private static final RowMapper<StodcentrumDecision> DECISION = (rs, n) -> new StodcentrumDecision(rs.getLong("id"),
            rs.getLong("case_id"), StodcentrumChoice.of(rs.getString("choice")), rs.getString("reason"),
            rs.getInt("talks"), rs.getObject("decided_on", LocalDate.class), rs.getString("decided_by"));

    private final JdbcClient jdbc;
    private final CaseAccess access;
    private final Cases cases;
    private final AuditLog audit;
    private final CaseworkProperties properties;
    private final Clock clock;

    Stodcentrum(JdbcClient jdbc, CaseAccess access, Cases cases, AuditLog audit, CaseworkProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.cases = cases;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** The number of support talks after which the choice must be made (stodcentrumTalks, 5). */
    public int limit() {
        return properties.stodcentrumTalks();
    }

    /** Where a Stödcentrum case the user may see stands (404 outside scope); empty for other kinds of case. */
    @Transactional
    public java.util.Optional<StodcentrumStatus> status(long caseId) {
        var scope = access.scope();
        access.requireRecords(scope, caseId);
        Journal.CaseRef c = caseRef(caseId);
        if (!c.stodcentrum()) {
            return java.util.Optional.empty();
        }
        int talks = talks(caseId);
        List<StodcentrumDecision> decisions = decisions(caseId);
        audit.read(AuditSubject.CASE, caseId, ReadPurpose.STODCENTRUM);
        return java.util.Optional.of(new StodcentrumStatus(caseId, c.open(), talks, limit(),
                c.open() && talks >= limit() && decisions.isEmpty(), decisions, properties.stodcentrumMinAge(),
                properties.stodcentrumMaxAge(), ages(c)));
    }

    /**
     * Records the choice for a Stödcentrum case of the user's own unit that has reached its support-talk limit.
     * Closing also closes the case (with its date and outcome); linking on is recorded here and carried out as a
     * referral; continuing needs a written reason.
     */
    @Transactional
    public StodcentrumDecision choose(long caseId, StodcentrumChoiceInput input) {
        var scope = access.scope();
        access.requireRecords(scope, caseId);
        Journal.CaseRef c = caseRef(caseId);
        if (!access.inOwnUnit(scope, c.unit()) || !scope.user().may(Permission.CASE_WORK)) {
            throw new AccessDeniedException("Only the case's own unit decides");
        }
        if (!c.stodcentrum()) {
            throw InvalidInput.of("choice", "stodcentrum.error.notStodcentrum");
        }
        int talks = talks(caseId);
        if (!c.open()) {
            throw InvalidInput.of("choice", "stodcentrum.error.closed");
        }
        if (!decisions(caseId).isEmpty()) {
            throw InvalidInput.of("choice", "stodcentrum.error.decided");
        }
        if (talks < limit()) {
            throw InvalidInput.of("choice", "stodcentrum.error.notYet", limit());
        }
        var in = Input.of(clock);
        StodcentrumChoice choice = in.requiredCode("choice", input.choice(), StodcentrumChoice.class,
                "stodcentrum.error.choice");
        String reason = in.text("reason", input.reason(), CaseworkLimits.STODCENTRUM_REASON.max(),
                "stodcentrum.error.reasonLength");
        if (choice == StodcentrumChoice.CONTINUE && reason == null && !in.failed("reason")) {
            in.reject("reason", "stodcentrum.error.reason");
        }
        in.check();
        LocalDate today = LocalDate.now(clock);
        long id = jdbc.sql("""
                INSERT INTO casework.stodcentrum_decisions (case_id, choice, reason, talks, decided_on, decided_by, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(caseId, choice.code(), reason, talks, today, scope.user().username(),
                        Timestamp.from(Instant.now(clock)))
                .query(Long.class).single();
        audit.change(AuditSubject.CASE, caseId, "stodcentrum decision " + choice.code() + " after " + talks
                + " support talks");
        if (choice == StodcentrumChoice.CLOSE) {
            // in the same transaction: a refused closing (date, outcome) leaves no decision behind
            cases.close(caseId, input.closedOn(), input.outcome());
        }
        return jdbc.sql("SELECT * FROM casework.stodcentrum_decisions WHERE id = ?").param(id).query(DECISION).single();
    }

    /**
     * The indicators for a period, over every Stödcentrum case (aggregates only: coordinators, managers and
     * analysts). Dates are the talks' dates; only signed talks count.
     */
    @Transactional(readOnly = true)
    public StodcentrumIndicators indicators(LocalDate from, LocalDate to) {
        requireReader();
        se.skyddsnat.shared.DatePeriod.of(from, to);
        String talks = """
                FROM casework.journal_entries j JOIN casework.cases c ON c.id = j.case_id
                WHERE c.kind = 'stodcentrum_support' AND j.entry_date BETWEEN :from AND :to AND """ + CURRENT_TALK;
        var satisfaction = jdbc.sql("SELECT count(*) AS talks, count(j.satisfaction) AS rated, "
                + "count(*) FILTER (WHERE j.satisfaction >= 4) AS satisfied " + talks)
                .param("from", from).param("to", to)
                .query((rs, n) -> new long[] { rs.getLong("talks"), rs.getLong("rated"), rs.getLong("satisfied") })
                .single();
        String people = """
                SELECT p.gender, count(DISTINCT p.id) AS people
                  FROM casework.journal_entries j JOIN casework.cases c ON c.id = j.case_id
                  JOIN casework.case_people cp ON cp.case_id = c.id AND cp.role IN ('exposed', 'child')
                  JOIN casework.persons p ON p.id = cp.person_id
                 WHERE c.kind = 'stodcentrum_support' AND j.entry_date BETWEEN :from AND :to AND """ + CURRENT_TALK;
        Map<String, Long> supported = byGender(jdbc.sql(people + " GROUP BY p.gender")
                .param("from", from).param("to", to));
        Map<String, Long> violence = byGender(jdbc.sql(people + " AND j.close_relations_violence GROUP BY p.gender")
                .param("from", from).param("to", to));
        return new StodcentrumIndicators(from, to, satisfaction[0], satisfaction[1], satisfaction[2], supported,
                violence);
    }

    /** Refuses anyone who may not read the indicators, before anything else is looked at. */
    public void requireReader() {
        CurrentUser user = CurrentUser.require();
        if (!user.may(Permission.READ_STATISTICS)) {
            throw new AccessDeniedException("Stödcentrum's indicators are for coordinators, managers and analysts");
        }
    }

    /** Whether a case is waiting for the choice (no access check: the caller has made it). */
    public boolean choicePending(Journal.CaseRef c) {
        return c.stodcentrum() && c.open() && decisions(c.id()).isEmpty() && talks(c.id()) >= limit();
    }

    int talks(long caseId) {
        return jdbc.sql("SELECT count(*) FROM casework.journal_entries j WHERE j.case_id = ? AND " + CURRENT_TALK)
                .param(caseId).query(Integer.class).single();
    }

    private List<StodcentrumDecision> decisions(long caseId) {
        return jdbc.sql("SELECT * FROM casework.stodcentrum_decisions WHERE case_id = ? ORDER BY decided_at, id")
                .param(caseId).query(DECISION).list();
    }

    private Journal.CaseRef caseRef(long caseId) {
        return jdbc.sql("SELECT * FROM casework.cases WHERE id = ?").param(caseId).query(Journal.CASE_REF).single();
    }

    /**
     * The age on the opening date of each young person in the case: exact from a personnummer, a range of two
     * years from a birth year, the band's range from an age band (as registered), else unknown.
     */
    private List<StodcentrumStatus.Age> ages(Journal.CaseRef c) {
        LocalDate opened = c.openedOn();
        return jdbc.sql("""
                SELECT p.id, p.personal_number, p.birth_year, p.age_band FROM casework.persons p
                  JOIN casework.case_people cp ON cp.person_id = p.id
                 WHERE cp.case_id = ? AND cp.role IN ('exposed', 'child') ORDER BY p.id""")
                .param(c.id()).query((rs, n) -> {
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
                }).list();
    }

    private static Map<String, Long> byGender(JdbcClient.StatementSpec spec) {
        var counts = new LinkedHashMap<String, Long>();
        for (Gender g : Gender.values()) {
            counts.put(g.code(), 0L);
        }
        spec.query((rs, n) -> Map.entry(rs.getString("gender"), rs.getLong("people"))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }
}
