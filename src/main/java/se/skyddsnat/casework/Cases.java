package se.skyddsnat.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.identity.Role;
import se.skyddsnat.outreach.OutreachService;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.PersonalNumber;
import se.skyddsnat.shared.UnitCode;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.casework.core.CaseAccess;
import se.skyddsnat.casework.core.CaseworkLimits;
import se.skyddsnat.casework.core.CaseworkProperties;

/**
 * Cases (ärenden): open, read, add people, close; and emergency access to a person outside the user's units.
 * Access and audit are checked here for the UI and the API alike.
 */
@Service
public class Cases {

    private static final RowMapper<CaseFile> CASE = (rs, n) -> new CaseFile(rs.getLong("id"),
            UnitCode.of(rs.getString("unit_code")), CaseKind.of(rs.getString("kind")), rs.getString("responsible"),
            rs.getString("status").equals("open"), rs.getObject("opened_on", LocalDate.class), rs.getString("reason"),
            rs.getObject("closed_on", LocalDate.class),
            rs.getString("outcome") == null ? null : CaseOutcome.of(rs.getString("outcome")),
            (Long) rs.getObject("encounter_id"), List.of(), false);

    private final JdbcClient jdbc;
    private final CaseAccess access;
    private final AuditLog audit;
    private final OutreachService outreach;
    private final CaseworkProperties properties;
    private final Clock clock;

    Cases(JdbcClient jdbc, CaseAccess access, AuditLog audit, OutreachService outreach, CaseworkProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.outreach = outreach;
        this.properties = properties;
        this.clock = clock;
    }

    /** Opens a case in one of the user's units, with the people in it (who must be visible to the user). */
    @Transactional
    public long open(NewCase input) {
        var scope = access.scope();
        var in = Input.of(clock);
        UnitCode unit = People.unit(in, input.unit(), scope.user());
        CaseKind kind = in.requiredCode("kind", input.kind(), CaseKind.class, "case.error.kind");
        LocalDate openedOn = in.requiredDate("openedOn", input.openedOn(), in.past(), "case.error.openedOn");
        String reason = in.required("reason", input.reason(), CaseworkLimits.CASE_REASON, "case.error.reason");
        String responsible = in.text("responsible", input.responsible(), CaseworkLimits.CASE_RESPONSIBLE.max(),
                "case.error.responsible");
        List<NewCase.Member> members = input.people() == null ? List.of()
                : input.people().stream().filter(java.util.Objects::nonNull).toList();
        if (members.isEmpty()) {
            in.reject("people", "case.error.people");
        } else {
            for (var member : members) {
                if (Input.codeOf(CaseRole.class, member.role()) == null && !in.failed("people")) {
                    in.reject("people", "case.error.role");
                }
                if (!access.personVisible(scope, member.personId())) {
                    throw CaseAccess.notFound();
                }
            }
        }
        in.check();
        if (input.encounterId() != null && outreach.findByEncounter(input.encounterId()).isEmpty()) {
            throw CaseAccess.notFound(); // an encounter of a shift outside the user's units
        }
        if (responsible == null) {
            responsible = scope.user().username();
        }
        long id = jdbc.sql("""
                INSERT INTO casework.cases (unit_code, kind, responsible, opened_on, reason, encounter_id, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(unit.value(), kind.code(), responsible, openedOn, reason, input.encounterId(),
                        scope.user().username())
                .query(Long.class).single();
        for (var member : members) {
            jdbc.sql("INSERT INTO casework.case_people (case_id, person_id, role) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(id, member.personId(), Input.codeOf(CaseRole.class, member.role()).code()).update();
        }
        if (input.encounterId() != null) {
            // the child's tasks (report of concern, guardians) now point to the case
            jdbc.sql("UPDATE casework.tasks SET case_id = ? WHERE encounter_id = ? AND case_id IS NULL")
                    .params(id, input.encounterId()).update();
        }
        audit.change(AuditSubject.CASE, id, "opened in " + unit.value() + " kind " + kind.code()
                + (input.encounterId() == null ? "" : " from encounter " + input.encounterId()));
        return id;
    }

    /** A case the user may see, with its people (protected identities masked); audited with the purpose. */
    @Transactional
    public Optional<CaseFile> find(long id, ReadPurpose purpose) {
        var scope = access.scope();
        if (!access.caseVisible(scope, id)) {
            return Optional.empty();
        }
        CaseFile c = jdbc.sql("SELECT * FROM casework.cases WHERE id = ?").param(id).query(CASE).single();
        audit.read(AuditSubject.CASE, id, purpose);
        return Optional.of(withPeople(scope, c, !access.caseRecordsVisible(scope, id)));
    }

    /** The open cases the user may see (own units, shared, emergency), newest first. */
    @Transactional
    public List<CaseFile> visible(boolean openOnly, int limit) {
        var scope = access.scope();
        List<CaseFile> cases = scope.bind(jdbc.sql("SELECT * FROM casework.cases c WHERE " + CaseAccess.VISIBLE_CASE
                + (openOnly ? " AND c.status = 'open'" : "") + " ORDER BY c.opened_on DESC, c.id DESC LIMIT :limit"))
                .param("limit", limit).query(CASE).list();
        audit.readAll(AuditSubject.CASE, cases.stream().map(c -> String.valueOf(c.id())).toList(), ReadPurpose.LIST);
        return cases;
    }

    /** The cases of a person that the user may see. */
    @Transactional
    public List<CaseFile> ofPerson(long personId) {
        var scope = access.scope();
        return scope.bind(jdbc.sql("SELECT c.* FROM casework.cases c JOIN casework.case_people cp ON cp.case_id = c.id "
                + "WHERE cp.person_id = :person AND " + CaseAccess.VISIBLE_CASE + " ORDER BY c.opened_on DESC"))
                .param("person", personId).query(CASE).list();
    }

    /** Adds a person the user may see to a case of the user's own unit. */
    @Transactional
    public void addPerson(long caseId, long personId, String role) {
        var scope = access.scope();
        CaseFile c = requireOwn(scope, caseId);
        CaseRole r = Input.codeOf(CaseRole.class, role);
        if (r == null) {
            throw InvalidInput.of("role", "case.error.role");
        }
        if (!access.personVisible(scope, personId)) {
            throw CaseAccess.notFound();
        }
        jdbc.sql("INSERT INTO casework.case_people (case_id, person_id, role) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(c.id(), personId, r.code()).update();
        audit.change(AuditSubject.CASE, caseId, "person " + personId + " added as " + r.code());
    }

    /** Closes an open case of the user's own unit with its outcome. */
    @Transactional
    public void close(long caseId, String closedOn, String outcome) {
        var scope = access.scope();
        CaseFile c = requireOwn(scope, caseId);
        var in = Input.of(clock);
        LocalDate on = in.requiredDate("closedOn", closedOn, in.past().from(c.openedOn()), "case.error.closedOn",
                c.openedOn());
        CaseOutcome o = in.requiredCode("outcome", outcome, CaseOutcome.class, "case.error.outcome");
        if (!c.open()) {
            in.reject("closedOn", "case.error.closed");
        }
        in.check();
        jdbc.sql("UPDATE casework.cases SET status = 'closed', closed_on = ?, outcome = ? WHERE id = ?")
                .params(on, o.code(), caseId).update();
        audit.change(AuditSubject.CASE, caseId, "closed " + o.code());
    }

    /**
     * Emergency access (nödåtkomst): by exact personnummer and a stated reason, the user sees the person and the
     * person's cases in other units for a limited time. Logged, and flagged to the units' managers until reviewed.
     * Returns the person ids opened (none when nobody has that number — the attempt is logged all the same).
     */
    @Transactional
    public List<Long> emergencyAccess(String personalNumber, String reason) {
        var scope = access.scope();
        if (!scope.user().may(Permission.CASE_WORK)) {
            throw new AccessDeniedException("Emergency access is for caseworkers, managers and coordinators");
        }
        var in = Input.of(clock);
        var number = PersonalNumber.parse(personalNumber, in.today());
        if (!number.ok()) {
            in.reject("personalNumber", number.problem().messageKey());
        }
        String why = in.required("reason", reason, CaseworkLimits.EMERGENCY_REASON, "emergency.error.reason");
        if (why != null && why.length() < 10) {
            in.reject("reason", "emergency.error.reason");
        }
        in.check();
        List<Long> people = jdbc.sql("SELECT id FROM casework.persons WHERE personal_number = ? ORDER BY id")
                .param(number.value().digits()).query(Long.class).list();
        Instant now = Instant.now(clock);
        Duration duration = properties.emergencyAccess();
        for (long personId : people) {
            long grant = jdbc.sql("""
                    INSERT INTO casework.emergency_access (person_id, username, reason, granted_at, expires_at)
                    VALUES (?, ?, ?, ?, ?) RETURNING id""")
                    .params(personId, scope.user().username(), why, Timestamp.from(now), Timestamp.from(now.plus(duration)))
                    .query(Long.class).single();
            audit.record(se.skyddsnat.audit.AuditEvent.of(se.skyddsnat.audit.AuditKind.READ).subject(AuditSubject.PERSON, personId)
                    .purpose(ReadPurpose.EMERGENCY).details("emergency access " + grant + " for " + duration.toHours() + " h"));
        }
        if (people.isEmpty()) {
            audit.record(se.skyddsnat.audit.AuditEvent.of(se.skyddsnat.audit.AuditKind.READ).subject(AuditSubject.PERSON, null)
                    .purpose(ReadPurpose.EMERGENCY).details("emergency access requested, no match"));
        }
        return people;
    }

    private CaseFile requireOwn(CaseAccess.Scope scope, long caseId) {
        if (!access.caseVisible(scope, caseId)) {
            throw CaseAccess.notFound();
        }
        CaseFile c = jdbc.sql("SELECT * FROM casework.cases WHERE id = ?").param(caseId).query(CASE).single();
        if (!access.inOwnUnit(scope, c.unit())) {
            throw new AccessDeniedException("Only the case's own unit changes it");
        }
        return c;
    }

    /** The case with the people in it whom the user may see: through a share, only those the referral names. */
    private CaseFile withPeople(CaseAccess.Scope scope, CaseFile c, boolean handoverOnly) {
        List<CasePerson> people = scope.bind(jdbc.sql("SELECT p.*, cp.role AS case_role FROM casework.case_people cp "
                + "JOIN casework.persons p ON p.id = cp.person_id WHERE cp.case_id = :case AND " + CaseAccess.VISIBLE_PERSON
                + " ORDER BY p.id")).param("case", c.id())
                .query((rs, n) -> new CasePerson(People.PERSON.mapRow(rs, n).masked(), CaseRole.of(rs.getString("case_role"))))
                .list();
        return new CaseFile(c.id(), c.unit(), c.kind(), c.responsible(), c.open(), c.openedOn(), c.reason(),
                c.closedOn(), c.outcome(), c.encounterId(), people, handoverOnly);
    }
}
