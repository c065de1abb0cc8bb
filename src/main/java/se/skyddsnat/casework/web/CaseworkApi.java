package se.skyddsnat.casework.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.casework.CaseFile;
import se.skyddsnat.casework.CasePerson;
import se.skyddsnat.casework.Cases;
import se.skyddsnat.casework.NewCase;
import se.skyddsnat.casework.NewPerson;
import se.skyddsnat.casework.People;
import se.skyddsnat.casework.PersonChange;
import se.skyddsnat.casework.PersonEdit;
import se.skyddsnat.casework.core.CaseAccess;
import se.skyddsnat.idempotency.IdempotencyKey;
import se.skyddsnat.shared.Keyset;

/**
 * People and cases over JSON, with the same services (and so the same access and audit)
 * as the pages. Records outside the caller's scope are 404; possible duplicates are
 * {@code People.PossibleDuplicates}: 409 problem+json listing them, through the one error
 * path.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "casework", description = "People and cases (need-to-know; every read audited)")
@RequiredArgsConstructor
class CaseworkApi {

	/** What a new record answers: its id. */
	record Created(long id) {
	}

	record CasePersonJson(PersonJson person, String role) {
		static CasePersonJson of(CasePerson cp) {
			return new CasePersonJson(PersonJson.of(cp.person()), cp.role().code());
		}
	}

	record CaseJson(long id, String unit, String kind, String responsible, String status, String openedOn,
			String reason, String closedOn, String outcome, List<CasePersonJson> people) {
		static CaseJson of(CaseFile c) {
			return new CaseJson(c.id(), c.unit().value(), c.kind().code(), c.responsible(),
					c.open() ? "open" : "closed", c.openedOn().toString(), c.reason(),
					c.closedOn() == null ? null : c.closedOn().toString(),
					c.outcome() == null ? null : c.outcome().code(),
					c.people().stream().map(CasePersonJson::of).toList());
		}
	}

	record PersonBody(String personalNumber, String name, String alias, String birthYear, String ageBand, String gender,
			String phone, String email, String address, String protection, String homeMunicipality, String unit,
			Boolean confirmDuplicate) {

		NewPerson command() {
			return new NewPerson(personalNumber != null && !personalNumber.isBlank(), personalNumber, name, alias,
					birthYear, ageBand, gender, phone, email, address, protection, homeMunicipality, unit,
					Boolean.TRUE.equals(confirmDuplicate));
		}
	}

	record SearchBody(String q) {
	}

	/**
	 * A correction of a person: every field anew (as at registration; the unit cannot
	 * change) and {@code version}, the version read (GET answers it); an older version is
	 * refused with 409.
	 */
	record PersonEditBody(String personalNumber, String name, String alias, String birthYear, String ageBand,
			String gender, String phone, String email, String address, String protection, String homeMunicipality,
			String version, Boolean confirmDuplicate) {

		PersonEdit command() {
			return new PersonEdit(new NewPerson(personalNumber != null && !personalNumber.isBlank(), personalNumber,
					name, alias, birthYear, ageBand, gender, phone, email, address, protection, homeMunicipality, null,
					Boolean.TRUE.equals(confirmDuplicate)), version);
		}
	}

	/** What a correction answers: the record's version after it. */
	record Corrected(long id, int version) {
	}

	private final People people;

	private final Cases cases;

	@PostMapping("/people")
	@Operation(summary = "Register a person in one of the caller's units: identified (personalNumber 10 or 12 digits + "
			+ "name) or anonymous (alias). 409 with the possible duplicates unless confirmDuplicate is true.")
	ResponseEntity<Created> register(@RequestBody PersonBody body, IdempotencyKey key) {
		return key.once("person.register", body, () -> {
			long id = people.register(body.command());
			return ResponseEntity.created(URI.create("/api/v1/people/" + id)).body(new Created(id));
		});
	}

	@GetMapping("/people")
	@Operation(
			summary = "The people the caller may see, newest registered first, a page at a time (keyset; "
					+ "protected identities masked)",
			description = "limit rows (default 50, at most 500); the next and the "
					+ "previous page in the Link header and X-Next-Cursor, as for GET /api/v1/cases. One audit row names "
					+ "every person shown.")
	ResponseEntity<List<PersonJson>> people(@RequestParam(required = false) String after,
			@RequestParam(required = false) String before, @RequestParam(required = false) Integer limit) {
		return people.recent(Keyset.Request.of(after, before, limit))
			.map(PersonJson::of)
			.answer("/api/v1/people", limit);
	}

	@GetMapping("/people/{id}")
	@Operation(summary = "A person the caller may see (protected identities masked); audited")
	PersonJson person(@PathVariable long id) {
		return PersonJson.of(people.find(id, ReadPurpose.VIEW).orElseThrow(CaseAccess::notFound));
	}

	@PutMapping("/people/{id}")
	@Operation(summary = "Correct a person of the caller's unit: every field anew, with the version read. Each changed "
			+ "field is kept with its old and new value (the person's history) and audited. 404 outside need-to-know, "
			+ "409 when someone saved in between (stale version) or, for a changed personnummer or name, with the "
			+ "possible duplicates unless confirmDuplicate is true.")
	Corrected correct(@PathVariable long id, @RequestBody PersonEditBody body) {
		return new Corrected(id, people.update(id, body.command()));
	}

	@GetMapping("/people/{id}/history")
	@Operation(summary = "The corrections of a person the caller may see, newest first (a protected identity's "
			+ "identifying values left out)")
	List<PersonChangeJson> history(@PathVariable long id) {
		return people.history(id, false).stream().map(PersonChangeJson::of).toList();
	}

	record PersonChangeJson(int version, String field, String oldValue, String newValue, String changedBy,
			String changedAt, boolean hidden) {
		static PersonChangeJson of(PersonChange c) {
			return new PersonChangeJson(c.version(), c.field(), c.oldValue(), c.newValue(), c.changedBy(),
					c.changedAt().toString(), c.hidden());
		}
	}

	@PostMapping("/people/search")
	@Operation(summary = "Search by personnummer, name or alias among the people the caller may see; each hit audited",
			description = "Body {\"q\": \"...\"}. A POST so that a personnummer or a name never stands in a URL.")
	List<PersonJson> search(@RequestBody SearchBody body) {
		return people.search(body.q()).stream().map(PersonJson::of).toList();
	}

	@PostMapping("/cases")
	@Operation(summary = "Open a case in one of the caller's units with its people [{personId, role}]")
	ResponseEntity<Created> open(@RequestBody NewCase body, IdempotencyKey key) {
		return key.once("case.open", body, () -> {
			long id = cases.open(body);
			return ResponseEntity.created(URI.create("/api/v1/cases/" + id)).body(new Created(id));
		});
	}

	@GetMapping("/cases/{id}")
	@Operation(summary = "A case the caller may see, with its people; audited")
	CaseJson caseFile(@PathVariable long id) {
		return CaseJson.of(cases.find(id, ReadPurpose.VIEW).orElseThrow(CaseAccess::notFound));
	}

	/**
	 * A closing as typed: the day (YYYY-MM-DD), the outcome's code and an optional
	 * reason.
	 */
	record CloseBody(String closedOn, String outcome, String reason) {
	}

	/** A reason (required to reopen). */
	record ReasonBody(String reason) {
	}

	/** Another responsible worker (user name) and an optional reason. */
	record ResponsibleBody(String responsible, String reason) {
	}

	@PostMapping("/cases/{id}/close")
	@Operation(summary = "Close an open case of the caller's unit with its outcome; 409 when it is closed already")
	CaseJson close(@PathVariable long id, @RequestBody CloseBody body) {
		cases.close(id, new Cases.Closing(body.closedOn(), body.outcome()), body.reason());
		return caseFile(id);
	}

	@PostMapping("/cases/{id}/reopen")
	@Operation(summary = "Reopen a closed case of the caller's unit with a reason (kept, audited); 409 when open")
	CaseJson reopen(@PathVariable long id, @RequestBody ReasonBody body) {
		cases.reopen(id, body.reason());
		return caseFile(id);
	}

	@PostMapping("/cases/{id}/responsible")
	@Operation(summary = "Give an open case of the caller's unit another responsible worker (kept, audited)")
	CaseJson responsible(@PathVariable long id, @RequestBody ResponsibleBody body) {
		cases.changeResponsible(id, new Cases.ResponsibleChange(body.responsible(), body.reason()));
		return caseFile(id);
	}

	@GetMapping("/cases")
	@Operation(summary = "The open cases the caller may see, newest first, a page at a time (keyset)",
			description = "limit rows (default 50, at most 500). The next and the previous page are in the Link "
					+ "header (rel=\"next\", rel=\"prev\"; absent on the last / first page) and in X-Next-Cursor: "
					+ "ask again with after=<cursor> (or before=<cursor>). The cursor is opaque; an unreadable one is "
					+ "400 naming the field. One audit row names every case shown.")
	ResponseEntity<List<CaseJson>> list(@RequestParam(required = false) String after,
			@RequestParam(required = false) String before, @RequestParam(required = false) Integer limit) {
		var page = cases.visible(true, Keyset.Request.of(after, before, limit));
		return page.map(CaseJson::of).answer("/api/v1/cases", limit);
	}

}
