package se.skyddsnat.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
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
import se.skyddsnat.casework.core.CaseworkLimits;
import se.skyddsnat.casework.core.PersonStore;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.outreach.Gender;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.shared.Keyset;
import se.skyddsnat.shared.DateRange;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.PersonalNumber;
import se.skyddsnat.shared.Refused;
import se.skyddsnat.shared.UnitCode;

/**
 * The people the units help: register (with a duplicate check), read, search. Every read
 * of a person is audited here with its purpose, so the UI and the API are covered alike;
 * a protected identity is shown only through {@link #reveal}, which is logged on its own.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class People {

	/**
	 * Possible duplicates: people with the same number, or the same name and birth year,
	 * whom the user may see (masked where protected). The user must look before saving:
	 * 409, listing them ({@code duplicates}) for an API client.
	 */
	public static class PossibleDuplicates extends Refused {

		private final transient List<Person> matches;

		PossibleDuplicates(List<Person> matches) {
			super(409, "person.problem.duplicates.detail");
			this.matches = List.copyOf(matches);
		}

		public List<Person> matches() {
			return matches;
		}

		@Override
		public String titleKey() {
			return "person.duplicates.title";
		}

		@Override
		public Map<String, Object> properties() {
			return Map.of("duplicates", matches);
		}

	}

	public static final Set<String> AGE_BANDS = Set.of("0-12", "13-17", "18-25", "26-35", "36-50", "51+");

	private final PersonStore store;

	private final CaseAccess access;

	private final AuditLog audit;

	private final Municipalities municipalities;

	private final Clock clock;

	/**
	 * Registers a person for one of the user's units; refuses with the possible
	 * duplicates unless confirmed.
	 */
	@Transactional
	public long register(NewPerson input) {
		var scope = access.scope();
		Person person = parse(input, scope.user());
		if (person.identified() && store.numberInUnit(person.unit(), person.personalNumber())) {
			throw InvalidInput.of("personalNumber", "person.error.numberInUnit");
		}
		if (!input.confirmDuplicate()) {
			List<Person> duplicates = possibleDuplicates(scope, person);
			if (!duplicates.isEmpty()) {
				throw new PossibleDuplicates(duplicates);
			}
		}
		long id = store.insert(person, scope.user().username());
		audit.change(AuditSubject.PERSON, id,
				AuditDetails.of("person.registered", AuditDetails.named("unit", person.unit().value())));
		return id;
	}

	/**
	 * The fields whose values make the identity of a protected person: hidden in the
	 * history until shown.
	 */
	private static final Set<String> IDENTIFYING = Set.of("personalNumber", "name", "phone", "email", "address",
			"homeMunicipality");

	/**
	 * The person unmasked for the edit form of the person's own unit (a protected
	 * identity is thereby shown, and logged as such); 404 outside need-to-know, 403 for
	 * another unit that sees the person through a handover.
	 */
	@Transactional
	public Person forEdit(long id) {
		var scope = access.scope();
		Person person = requireEditable(scope, id);
		audit.read(AuditSubject.PERSON, id,
				person.protectedIdentity() ? ReadPurpose.SHOW_PROTECTED_IDENTITY : ReadPurpose.VIEW);
		return person;
	}

	/**
	 * Corrects a person's record: every field parsed as at registration, a changed
	 * personnummer checked again for duplicates (the same 409 as at registration),
	 * refused when someone else saved in between ({@link PersonEditStale}). Each changed
	 * field is kept with its old and new value (the person's history); the audit row
	 * names the fields, never their values. Returns the new version (the same when
	 * nothing changed).
	 */
	@Transactional
	public int update(long id, PersonEdit edit) {
		var scope = access.scope();
		Person old = requireEditable(scope, id);
		NewPerson input = edit.person();
		var in = Input.of(clock);
		Integer version = in.integer("version", edit.version(), 0, Integer.MAX_VALUE, "person.error.version");
		if (version == null && !in.failed("version")) {
			in.reject("version", "person.error.version");
		}
		in.check();
		Person parsed = parse(new NewPerson(input.identified(), input.personalNumber(), input.name(), input.alias(),
				input.birthYear(), input.ageBand(), input.gender(), input.phone(), input.email(), input.address(),
				input.protection(), input.homeMunicipality(), old.unit().value(), input.confirmDuplicate()),
				scope.user());
		Person person = new Person(id, parsed.personalNumber(), parsed.name(), parsed.alias(), parsed.birthYear(),
				parsed.ageBand(), parsed.gender(), parsed.phone(), parsed.email(), parsed.address(),
				parsed.protection(), parsed.homeMunicipality(), old.unit(), version);
		if (version != old.version()) {
			throw new PersonEditStale();
		}
		var changes = changes(old, person);
		if (changes.isEmpty()) {
			return old.version();
		}
		boolean numberChanged = person.identified() && !person.personalNumber().equals(old.personalNumber());
		if (numberChanged && store.numberInUnitExcept(old.unit(), person.personalNumber(), id)) {
			throw InvalidInput.of("personalNumber", "person.error.numberInUnit");
		}
		boolean nameChanged = person.name() != null && !person.name().equalsIgnoreCase(String.valueOf(old.name()));
		if ((numberChanged || nameChanged) && !input.confirmDuplicate()) {
			List<Person> duplicates = possibleDuplicates(scope, person).stream().filter(p -> p.id() != id).toList();
			if (!duplicates.isEmpty()) {
				throw new PossibleDuplicates(duplicates);
			}
		}
		if (!store.update(person, version)) {
			throw new PersonEditStale();
		}
		store.insertChanges(id, version + 1, changes, scope.user().username());
		audit.change(AuditSubject.PERSON, id, AuditDetails.of("person.corrected", version + 1,
				String.join(", ", changes.stream().map(PersonStore.Change::field).toList())));
		return version + 1;
	}

	/**
	 * The person's corrections, newest first, for a reader who may see the person; the
	 * values of a protected identity's identifying fields are left out unless
	 * {@code revealed} (the reader has asked to see the identity).
	 */
	@Transactional
	public List<PersonChange> history(long id, boolean revealed) {
		var scope = access.scope();
		if (!access.personVisible(scope, id)) {
			throw CaseAccess.notFound();
		}
		Person person = store.find(id).orElseThrow(CaseAccess::notFound);
		boolean hide = person.protectedIdentity() && !revealed;
		return store.changes(id).stream().map(c -> {
			boolean hidden = hide && IDENTIFYING.contains(c.field());
			return new PersonChange(c.version(), c.field(), hidden ? null : c.oldValue(), hidden ? null : c.newValue(),
					c.changedBy(), c.changedAt(), hidden);
		}).toList();
	}

	private Person requireEditable(CaseAccess.Scope scope, long id) {
		if (!access.personVisible(scope, id)) {
			throw CaseAccess.notFound();
		}
		Person person = store.find(id).orElseThrow(CaseAccess::notFound);
		if (!scope.user().may(Permission.CASE_WORK) || !scope.user().belongsTo(person.unit())) {
			throw new AccessDeniedException("A person's record is corrected by the unit that registered it");
		}
		return person;
	}

	private static List<PersonStore.Change> changes(Person a, Person b) {
		var changes = new ArrayList<PersonStore.Change>();
		compare(changes, "personalNumber", a.personalNumber() == null ? null : a.personalNumber().formatted(),
				b.personalNumber() == null ? null : b.personalNumber().formatted());
		compare(changes, "name", a.name(), b.name());
		compare(changes, "alias", a.alias(), b.alias());
		compare(changes, "birthYear", a.birthYear() == null ? null : a.birthYear().toString(),
				b.birthYear() == null ? null : b.birthYear().toString());
		compare(changes, "ageBand", a.ageBand(), b.ageBand());
		compare(changes, "gender", a.gender().code(), b.gender().code());
		compare(changes, "phone", a.phone(), b.phone());
		compare(changes, "email", a.email(), b.email());
		compare(changes, "address", a.address(), b.address());
		compare(changes, "homeMunicipality", a.homeMunicipality(), b.homeMunicipality());
		compare(changes, "protection", a.protection().code(), b.protection().code());
		return changes;
	}

	private static void compare(List<PersonStore.Change> changes, String field, String old, String now) {
		if (!java.util.Objects.equals(old, now)) {
			changes.add(new PersonStore.Change(field, old, now));
		}
	}

	/**
	 * A person the user may see, audited with the purpose; protected identities come
	 * masked.
	 */
	@Transactional
	public Optional<Person> find(long id, ReadPurpose purpose) {
		var scope = access.scope();
		if (!access.personVisible(scope, id)) {
			return Optional.empty();
		}
		Person person = store.find(id).orElseThrow(CaseAccess::notFound);
		audit.read(AuditSubject.PERSON, id, purpose);
		return Optional.of(person.masked());
	}

	/**
	 * The unmasked identity of a protected person, after an explicit "show" with a short
	 * reason; logged as its own read with the reason, which the manager sees in the log
	 * review.
	 */
	@Transactional
	public Person reveal(long id, String reason) {
		var scope = access.scope();
		if (!access.personVisible(scope, id)) {
			throw CaseAccess.notFound();
		}
		var in = Input.of(clock);
		String why = in.required("reason", reason, CaseworkLimits.REVEAL_REASON, "person.reveal.error.reason");
		in.check();
		audit.record(AuditEvent.of(AuditKind.READ)
			.subject(AuditSubject.PERSON, id)
			.purpose(ReadPurpose.SHOW_PROTECTED_IDENTITY)
			.details(AuditDetails.of("person.revealed", why)));
		return store.find(id).orElseThrow(CaseAccess::notFound);
	}

	/**
	 * Search by personnummer (10 or 12 digits, exact), or by name or alias (case- and
	 * diacritic-insensitive, "asa" finds "Åsa"), among the people the user may see. A
	 * protected person is found only by the exact number, never by name, and comes
	 * masked. Every hit is audited as a "search hit".
	 */
	@Transactional
	public List<Person> search(String query) {
		var scope = access.scope();
		var in = Input.of(clock);
		String q = in.text("q", query, CaseworkLimits.PERSON_SEARCH);
		in.check();
		if (q == null || q.length() < 2) {
			return List.of();
		}
		var number = PersonalNumber.parse(q, LocalDate.now(clock));
		List<Person> hits = number.ok() ? store.withNumber(scope, number.value()) : store.withNameLike(scope, q);
		audit.readAll(AuditSubject.PERSON, ids(hits), ReadPurpose.SEARCH_HIT);
		return hits.stream().map(Person::masked).toList();
	}

	/**
	 * A page of the people the user may see, newest registered first (masked where
	 * protected); one audit row, a "list" read, names every person shown.
	 */
	@Transactional
	public Keyset.Page<Person> recent(Keyset.Request request) {
		Keyset.Page<Person> page = store.recent(access.scope(), request);
		audit.readAll(AuditSubject.PERSON, ids(page.items()), ReadPurpose.LIST);
		return page.map(Person::masked);
	}

	/**
	 * The person as typed, each field parsed and bounded; every problem named by its
	 * field.
	 */
	private Person parse(NewPerson input, CurrentUser user) {
		var in = Input.of(clock);
		LocalDate today = in.today();
		PersonalNumber number = null;
		// an anonymous person keeps no name, whatever was left in the name field when the
		// user switched kind
		String name = input.identified()
				? in.required("name", input.name(), CaseworkLimits.PERSON_NAME, "person.error.name") : null;
		String alias = in.text("alias", input.alias(), CaseworkLimits.PERSON_ALIAS.max(), "person.error.alias");
		if (input.identified()) {
			var parsed = PersonalNumber.parse(input.personalNumber(), today);
			if (!parsed.ok()) {
				in.reject("personalNumber", parsed.problem().messageKey());
			}
			number = parsed.value();
		}
		else if (alias == null && !in.failed("alias")) {
			in.reject("alias", "person.error.alias");
		}
		Integer birthYear = number != null ? Integer.valueOf(number.birthDate().getYear())
				: in.integer("birthYear", input.birthYear(), DateRange.EARLIEST.getYear(), today.getYear(),
						"person.error.birthYear", today.getYear());
		String ageBand = Input.blankToNull(input.ageBand());
		if (ageBand != null && !AGE_BANDS.contains(ageBand)) {
			in.reject("ageBand", "person.error.ageBand");
		}
		Gender gender = in.requiredCode("gender", input.gender(), Gender.class, "person.error.gender");
		Protection protection = Input.blankToNull(input.protection()) == null ? Protection.NONE
				: in.code("protection", input.protection(), Protection.class, "person.error.protection");
		String home = Input.blankToNull(input.homeMunicipality());
		if (home != null && !home.equals("abroad") && !home.equals("unknown")
				&& (!MunicipalityCode.isValid(home) || municipalities.find(MunicipalityCode.of(home)).isEmpty())) {
			in.reject("homeMunicipality", "person.error.home");
		}
		UnitCode unit = unit(in, input.unit(), user);
		String phone = in.text("phone", input.phone(), CaseworkLimits.PERSON_PHONE.max(), "person.error.tooLong");
		String email = in.text("email", input.email(), CaseworkLimits.PERSON_EMAIL.max(), "person.error.tooLong");
		String address = in.text("address", input.address(), CaseworkLimits.PERSON_ADDRESS.max(),
				"person.error.tooLong");
		in.check();
		return new Person(0, number, name, alias, birthYear, ageBand, gender, phone, email, address, protection, home,
				unit, 0);
	}

	private List<Person> possibleDuplicates(CaseAccess.Scope scope, Person person) {
		var matches = new ArrayList<Person>();
		if (person.identified()) {
			matches.addAll(store.withNumber(scope, person.personalNumber()));
		}
		if (person.name() != null && person.birthYear() != null) {
			store.withNameAndBirthYear(scope, person.name(), person.birthYear())
				.stream()
				.filter(p -> matches.stream().noneMatch(m -> m.id() == p.id()))
				.forEach(matches::add);
		}
		audit.readAll(AuditSubject.PERSON, ids(matches), ReadPurpose.DUPLICATE_CHECK);
		return matches.stream().map(Person::masked).toList();
	}

	private static List<String> ids(List<Person> people) {
		return people.stream().map(p -> String.valueOf(p.id())).toList();
	}

	/** The unit a record goes to: one of the user's, chosen or the only one. */
	static UnitCode unit(Input in, String text, CurrentUser user) {
		if (Input.blankToNull(text) == null && user.units().size() == 1) {
			return user.units().first();
		}
		UnitCode unit = in.unit("unit", text, "person.error.unit");
		if (unit == null || !user.belongsTo(unit)) {
			if (!in.failed("unit")) {
				in.reject("unit", "person.error.unit");
			}
			return null;
		}
		if (!user.may(Permission.CASE_WORK)) {
			throw new AccessDeniedException("Records are kept by caseworkers, managers and coordinators");
		}
		return unit;
	}

}
