package se.skyddsnat.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditDetails;
import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.casework.core.CaseAccess;
import se.skyddsnat.casework.core.CaseStore;
import se.skyddsnat.casework.core.CaseworkLimits;
import se.skyddsnat.casework.core.CaseworkProperties;
import se.skyddsnat.casework.core.PersonLabels;
import se.skyddsnat.casework.core.PersonStore;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.identity.UserDirectory;
import se.skyddsnat.outreach.OutreachService;
import se.skyddsnat.shared.Keyset;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.PersonalNumber;
import se.skyddsnat.shared.UnitCode;

/**
 * Cases (ärenden): open, read, add people, close; and emergency access to a person
 * outside the user's units. Access and audit are checked here for the UI and the API
 * alike.
 */
@Service
public class Cases {

	/** A case's closing as typed: the day and the outcome. */
	public record Closing(String closedOn, String outcome) {
	}

	/**
	 * A row of a case list, as the reader may see it: the people by name or alias
	 * ("Skyddad identitet" when protected), the kind, the responsible worker by display
	 * name, open or closed, the last signed journal day.
	 */
	public record Row(long id, CaseKind kind, UnitCode unit, String people, String responsible, String responsibleName,
			boolean open, LocalDate openedOn, LocalDate lastJournal) {
	}

	/** The sort keys of a case list (anything else sorts newest first). */
	public static final List<String> SORTS = List.of("opened", "number", "kind", "status", "responsible", "journal");

	/**
	 * A change of the responsible worker as typed: the user name and (optionally) why.
	 */
	public record ResponsibleChange(String responsible, String reason) {
	}

	/**
	 * A case's state change as kept, for the case page: what, from and to, why, who and
	 * when.
	 */
	public record StateChange(String change, String oldValue, String newValue, String reason, String changedBy,
			Instant changedAt) {
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

	private final PersonLabels labels;

	private final UserDirectory users;

	Cases(CaseStore store, PersonStore persons, Tasks tasks, CaseAccess access, AuditLog audit,
			OutreachService outreach, CaseworkProperties properties, Clock clock, PersonLabels labels,
			UserDirectory users) {
		this.labels = labels;
		this.users = users;
		this.store = store;
		this.persons = persons;
		this.tasks = tasks;
		this.access = access;
		this.audit = audit;
		this.outreach = outreach;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Opens a case in one of the user's units, with the people in it (who must be visible
	 * to the user).
	 */
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
			throw CaseAccess.notFound(); // an encounter of a shift outside the user's
											// units
		}
		long id = store.insert(unit, kind, responsible == null ? scope.user().username() : responsible, openedOn,
				reason, input.encounterId(), scope.user().username());
		members.forEach(m -> store.addPerson(id, m.personId(), Input.codeOf(CaseRole.class, m.role())));
		if (input.encounterId() != null) {
			tasks.pointToCase(input.encounterId(), id); // the child's tasks (report of
														// concern, guardians)
		}
		audit.change(AuditSubject.CASE, id,
				input.encounterId() == null
						? AuditDetails.of("case.opened", AuditDetails.named("unit", unit.value()),
								AuditDetails.text("case.kind." + kind.code()))
						: AuditDetails.of("case.openedFromEncounter", AuditDetails.named("unit", unit.value()),
								AuditDetails.text("case.kind." + kind.code()), input.encounterId()));
		return id;
	}

	/**
	 * A case the user may see, with its people (protected identities masked); audited
	 * with the purpose.
	 */
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
	 * A case for its print view, audited as an export (a printout leaves the system).
	 * With {@code reveal}, the protected identities in it are shown too — each logged as
	 * its own "show protected identity"; otherwise masked.
	 */
	@Transactional
	public Optional<CaseFile> forPrint(long id, boolean reveal) {
		var scope = access.scope();
		if (!access.caseVisible(scope, id)) {
			return Optional.empty();
		}
		CaseFile c = store.get(id);
		audit.record(AuditEvent.of(AuditKind.READ)
			.subject(AuditSubject.CASE, id)
			.purpose(ReadPurpose.EXPORT)
			.details(reveal ? "print, protected identities shown" : "print"));
		List<CasePerson> people = persons.inCase(scope, id);
		if (reveal) {
			people = people.stream().map(cp -> {
				if (!cp.person().protectedIdentity()) {
					return cp;
				}
				audit.read(AuditSubject.PERSON, cp.person().id(), ReadPurpose.SHOW_PROTECTED_IDENTITY);
				return new CasePerson(persons.find(cp.person().id()).orElseThrow(), cp.role());
			}).toList();
		}
		return Optional.of(c.with(people, !access.caseRecordsVisible(scope, id)));
	}

	/**
	 * A page of the cases the user may see (own units, shared, emergency), newest first;
	 * one audit row names every case shown.
	 */
	@Transactional
	public Keyset.Page<CaseFile> visible(boolean openOnly, Keyset.Request request) {
		Keyset.Page<CaseFile> page = store.visible(access.scope(), openOnly, request);
		audit.readAll(AuditSubject.CASE, page.items().stream().map(c -> String.valueOf(c.id())).toList(),
				ReadPurpose.LIST);
		return page;
	}

	/**
	 * The cases the user may see as list rows: {@code status} "open", "closed" or
	 * anything else for both, sorted by one of {@link #SORTS}; one audit row for the
	 * list.
	 */
	@Transactional
	public List<Row> list(String status, String sort, int limit) {
		return rows(status, sort, null, limit);
	}

	/**
	 * "Mina ärenden": the open cases the user is responsible for, newest first; one audit
	 * row for the list.
	 */
	@Transactional
	public List<Row> mine(int limit) {
		var user = CurrentUser.get().orElse(null);
		if (user == null || user.units().isEmpty() || !user.may(Permission.CASE_WORK)) {
			return List.of();
		}
		return rows("open", "opened", user.username(), limit);
	}

	private List<Row> rows(String status, String sort, String responsible, int limit) {
		var scope = access.scope();
		String state = "open".equals(status) || "closed".equals(status) ? status : null;
		String key = sort != null && SORTS.contains(sort) ? sort : "opened";
		List<CaseStore.Row> found = store.rows(scope, state, CaseStore.ORDERS.get(key), responsible, limit);
		List<Long> ids = found.stream().map(r -> r.file().id()).toList();
		Map<Long, String> people = labels.ofCases(scope, ids);
		Map<String, String> names = users.displayNames(found.stream().map(r -> r.file().responsible()).toList());
		List<Row> rows = found.stream().map(r -> {
			CaseFile c = r.file();
			return new Row(c.id(), c.kind(), c.unit(), people.getOrDefault(c.id(), ""), c.responsible(),
					names.getOrDefault(c.responsible(), c.responsible()), c.open(), c.openedOn(), r.lastJournal());
		}).toList();
		if (key.equals("responsible")) {
			rows = rows.stream()
				.sorted(java.util.Comparator.comparing(Row::responsibleName,
						java.text.Collator.getInstance(java.util.Locale.of("sv"))))
				.toList();
		}
		audit.readAll(AuditSubject.CASE, ids.stream().map(String::valueOf).toList(), ReadPurpose.LIST);
		return rows;
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
		audit.change(AuditSubject.CASE, caseId, AuditDetails.of("case.personAdded",
				AuditDetails.named("person", personId), AuditDetails.text("case.role." + r.code())));
	}

	/**
	 * Closes an open case of the user's own unit with its outcome (and, optionally, why).
	 */
	@Transactional
	public void close(long caseId, Closing input) {
		close(caseId, input, null);
	}

	/**
	 * Closes an open case of the user's own unit with its outcome and an optional reason,
	 * kept with the change.
	 */
	@Transactional
	public void close(long caseId, Closing input, String reason) {
		var scope = access.scope();
		CaseFile c = requireOwn(scope, caseId);
		requireCaseWork(scope);
		var in = Input.of(clock);
		LocalDate on = in.requiredDate("closedOn", input.closedOn(), in.past().from(c.openedOn()),
				"case.error.closedOn", c.openedOn());
		CaseOutcome outcome = in.requiredCode("outcome", input.outcome(), CaseOutcome.class, "case.error.outcome");
		if (outcome != null && !outcome.fits(c.kind())) {
			in.reject("outcome", "case.error.outcomeKind");
		}
		String why = in.text("reason", reason, CaseworkLimits.CASE_CHANGE_REASON.max(), "case.error.changeReason");
		if (!c.open()) {
			in.reject("closedOn", "case.error.closed");
		}
		in.check();
		save(scope, c, c.closed(on, outcome), "closed", null, outcome.code(), why);
		audit.change(AuditSubject.CASE, caseId,
				AuditDetails.of("case.closed", AuditDetails.text("case.outcome." + outcome.code())));
	}

	/**
	 * Reopens a closed case of the user's own unit; the reason is required and kept with
	 * the change.
	 */
	@Transactional
	public void reopen(long caseId, String reason) {
		var scope = access.scope();
		CaseFile c = requireOwn(scope, caseId);
		requireCaseWork(scope);
		var in = Input.of(clock);
		String why = in.required("reason", reason, CaseworkLimits.CASE_CHANGE_REASON, "case.error.changeReason");
		in.check();
		save(scope, c, c.reopened(), "reopened", c.outcome().code(), null, why);
		audit.change(AuditSubject.CASE, caseId, AuditDetails.of("case.reopened"));
	}

	/**
	 * Gives an open case of the user's own unit another responsible worker (user name),
	 * with an optional reason.
	 */
	@Transactional
	public void changeResponsible(long caseId, ResponsibleChange input) {
		var scope = access.scope();
		CaseFile c = requireOwn(scope, caseId);
		requireCaseWork(scope);
		var in = Input.of(clock);
		String responsible = in.required("responsible", input.responsible(), CaseworkLimits.CASE_RESPONSIBLE,
				"case.error.responsible");
		String why = in.text("reason", input.reason(), CaseworkLimits.CASE_CHANGE_REASON.max(),
				"case.error.changeReason");
		in.check();
		save(scope, c, c.withResponsible(responsible), "responsible", c.responsible(), responsible, why);
		audit.change(AuditSubject.CASE, caseId, AuditDetails.of("case.responsibleChanged"));
	}

	/**
	 * The case's state changes (responsible, closed, reopened) with their reasons, for a
	 * reader of its records.
	 */
	@Transactional
	public List<StateChange> changes(long caseId) {
		var scope = access.scope();
		if (!access.caseRecordsVisible(scope, caseId)) {
			return List.of();
		}
		return store.changes(caseId)
			.stream()
			.map(ch -> new StateChange(ch.change(), ch.oldValue(), ch.newValue(), ch.reason(), ch.changedBy(),
					ch.changedAt()))
			.toList();
	}

	private void save(CaseAccess.Scope scope, CaseFile before, CaseFile after, String change, String oldValue,
			String newValue, String reason) {
		if (!store.saveState(before, after, change, oldValue, newValue, reason, scope.user().username())) {
			throw new CaseStateRefused("case.error.changedMeanwhile");
		}
	}

	private static void requireCaseWork(CaseAccess.Scope scope) {
		if (!scope.user().may(Permission.CASE_WORK)) {
			throw new AccessDeniedException("Cases are kept by caseworkers, managers and coordinators");
		}
	}

	/**
	 * Emergency access (nödåtkomst): by exact personnummer and a stated reason, the user
	 * sees the person and the person's cases in other units for a limited time. Logged,
	 * and flagged to the units' managers until reviewed. Returns the person ids opened
	 * (none when nobody has that number — the attempt is logged all the same).
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
			audit.record(AuditEvent.of(AuditKind.READ)
				.subject(AuditSubject.PERSON, personId)
				.purpose(ReadPurpose.EMERGENCY)
				.details(AuditDetails.of("emergency.granted", grant, duration.toHours())));
		}
		if (people.isEmpty()) {
			audit.record(AuditEvent.of(AuditKind.READ)
				.subject(AuditSubject.PERSON, null)
				.purpose(ReadPurpose.EMERGENCY)
				.details(AuditDetails.of("emergency.noMatch")));
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
