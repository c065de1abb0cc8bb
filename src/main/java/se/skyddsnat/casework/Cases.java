package se.skyddsnat.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.casework.core.CaseAccess;
import se.skyddsnat.casework.core.CaseStore;
import se.skyddsnat.casework.core.CaseworkLimits;
import se.skyddsnat.casework.core.CaseworkProperties;
import se.skyddsnat.casework.core.PersonStore;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.outreach.OutreachService;
import se.skyddsnat.shared.Keyset;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.PersonalNumber;
import se.skyddsnat.shared.UnitCode;

/**
 * Cases (ärenden): open, read, add people, close; and emergency access to a person outside the user's units.
 * Access and audit are checked here for the UI and the API alike.
 */
@Service
public class Cases {

    /** A case's closing as typed: the day and the outcome. */
    public record Closing(String closedOn, String outcome) {
    }

    /** A request for emergency access as typed: the exact personnummer and the reason. */
    public record EmergencyRequest(String personalNumber, String reason) {
    }

    private final CaseStore store;
    private final PersonStore persons;
    private final Tasks tasks;
    private final CaseAccess access;
    private final AuditLog audit;
    private final OutreachService outreach;
    private final CaseworkProperties properties;
    private final Clock clock;

    Cases(CaseStore store, PersonStore persons, Tasks tasks, CaseAccess access, AuditLog audit,
            OutreachService outreach, CaseworkProperties properties, Clock clock) {
        this.store = store;
        this.persons = persons;
        this.tasks = tasks;
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
                : input.people().stream().filter(Objects::nonNull).toList();
        if (members.isEmpty()) {
            in.reject("people", "case.error.people");
        }
        for (var member : members) {
            if (Input.codeOf(CaseRole.class, member.role()) == null && !in.failed("people")) {
                in.reject("people", "case.error.role");
            }
            if (!access.personVisible(scope, member.personId())) {
                throw CaseAccess.notFound();
            }
        }
        in.check();
        if (input.encounterId() != null && outreach.findByEncounter(input.encounterId()).isEmpty()) {
            throw CaseAccess.notFound(); // an encounter of a shift outside the user's units
        }
        long id = store.insert(unit, kind, responsible == null ? scope.user().username() : responsible, openedOn,
                reason, input.encounterId(), scope.user().username());
        members.forEach(m -> store.addPerson(id, m.personId(), Input.codeOf(CaseRole.class, m.role())));
        if (input.encounterId() != null) {
            tasks.pointToCase(input.encounterId(), id); // the child's tasks (report of concern, guardians)
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
        CaseFile c = store.get(id);
        audit.read(AuditSubject.CASE, id, purpose);
        return Optional.of(c.with(persons.inCase(scope, id), !access.caseRecordsVisible(scope, id)));
    }

    /**
     * A page of the cases the user may see (own units, shared, emergency), newest first; one audit row names every
     * case shown.
     */
    @Transactional
    public Keyset.Page<CaseFile> visible(boolean openOnly, Keyset.Request request) {
        Keyset.Page<CaseFile> page = store.visible(access.scope(), openOnly, request);
        audit.readAll(AuditSubject.CASE, page.items().stream().map(c -> String.valueOf(c.id())).toList(),
                ReadPurpose.LIST);
        return page;
    }

    /** The cases of a person that the user may see. */
    @Transactional
    public List<CaseFile> ofPerson(long personId) {
        return store.ofPerson(access.scope(), personId);
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
        store.addPerson(c.id(), personId, r);
        audit.change(AuditSubject.CASE, caseId, "person " + personId + " added as " + r.code());
    }

    /** Closes an open case of the user's own unit with its outcome. */
    @Transactional
    public void close(long caseId, Closing input) {
        var scope = access.scope();
        CaseFile c = requireOwn(scope, caseId);
        var in = Input.of(clock);
        LocalDate on = in.requiredDate("closedOn", input.closedOn(), in.past().from(c.openedOn()), "case.error.closedOn",
                c.openedOn());
        CaseOutcome outcome = in.requiredCode("outcome", input.outcome(), CaseOutcome.class, "case.error.outcome");
        if (!c.open()) {
            in.reject("closedOn", "case.error.closed");
        }
        in.check();
        store.close(caseId, on, outcome);
        audit.change(AuditSubject.CASE, caseId, "closed " + outcome.code());
    }

    /**
     * Emergency access (nödåtkomst): by exact personnummer and a stated reason, the user sees the person and the
     * person's cases in other units for a limited time. Logged, and flagged to the units' managers until reviewed.
     * Returns the person ids opened (none when nobody has that number — the attempt is logged all the same).
     */
    @Transactional
    public List<Long> emergencyAccess(EmergencyRequest input) {
        var scope = access.scope();
        if (!scope.user().may(Permission.CASE_WORK)) {
            throw new AccessDeniedException("Emergency access is for caseworkers, managers and coordinators");
        }
        var in = Input.of(clock);
        var number = PersonalNumber.parse(input.personalNumber(), in.today());
        if (!number.ok()) {
            in.reject("personalNumber", number.problem().messageKey());
        }
        String why = in.required("reason", input.reason(), CaseworkLimits.EMERGENCY_REASON, "emergency.error.reason");
        if (why != null && why.length() < 10) {
            in.reject("reason", "emergency.error.reason");
        }
        in.check();
        List<Long> people = persons.idsWithNumber(number.value());
        Instant now = Instant.now(clock);
        Duration duration = properties.emergencyAccess();
        for (long personId : people) {
            long grant = persons.grantEmergencyAccess(personId, scope.user().username(), why, now, now.plus(duration));
            audit.record(AuditEvent.of(AuditKind.READ).subject(AuditSubject.PERSON, personId)
                    .purpose(ReadPurpose.EMERGENCY).details("emergency access " + grant + " for " + duration.toHours() + " h"));
        }
        if (people.isEmpty()) {
            audit.record(AuditEvent.of(AuditKind.READ).subject(AuditSubject.PERSON, null)
                    .purpose(ReadPurpose.EMERGENCY).details("emergency access requested, no match"));
        }
        return people;
    }

    private CaseFile requireOwn(CaseAccess.Scope scope, long caseId) {
        if (!access.caseVisible(scope, caseId)) {
            throw CaseAccess.notFound();
        }
        CaseFile c = store.get(caseId);
        if (!access.inOwnUnit(scope, c.unit())) {
            throw new AccessDeniedException("Only the case's own unit changes it");
        }
        return c;
    }
}
