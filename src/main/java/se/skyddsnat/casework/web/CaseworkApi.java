package se.skyddsnat.casework.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.skyddsnat.idempotency.IdempotencyKey;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.casework.CaseFile;
import se.skyddsnat.casework.Cases;
import se.skyddsnat.casework.NewCase;
import se.skyddsnat.casework.NewPerson;
import se.skyddsnat.casework.People;
import se.skyddsnat.casework.Person;
import se.skyddsnat.casework.core.CaseAccess;

/**
 * People and cases over JSON, with the same services (and so the same access and audit) as the pages.
 * Records outside the caller's scope are 404.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "casework", description = "People and cases (need-to-know; every read audited)")
class CaseworkApi {

    record PersonJson(long id, String personalNumber, String name, String alias, Integer birthYear, String ageBand,
            String gender, String protection, String homeMunicipality, String unit, String phone, String email,
            String address) {
        static PersonJson of(Person p) {
            return new PersonJson(p.id(), p.personalNumber() == null ? null : p.personalNumber().formatted(), p.name(),
                    p.alias(), p.birthYear(), p.ageBand(), p.gender().code(), p.protection().code(),
                    p.homeMunicipality(), p.unit().value(), p.phone(), p.email(), p.address());
        }
    }

    record CaseJson(long id, String unit, String kind, String responsible, String status, String openedOn,
            String reason, String closedOn, String outcome, List<Map<String, Object>> people) {
        static CaseJson of(CaseFile c) {
            return new CaseJson(c.id(), c.unit().value(), c.kind().code(), c.responsible(), c.open() ? "open" : "closed",
                    c.openedOn().toString(), c.reason(), c.closedOn() == null ? null : c.closedOn().toString(),
                    c.outcome() == null ? null : c.outcome().code(),
                    c.people().stream().map(cp -> {
                        var m = new LinkedHashMap<String, Object>();
                        m.put("person", PersonJson.of(cp.person()));
                        m.put("role", cp.role().code());
                        return (Map<String, Object>) m;
                    }).toList());
        }
    }

    record PersonBody(String personalNumber, String name, String alias, String birthYear, String ageBand, String gender,
            String phone, String email, String address, String protection, String homeMunicipality, String unit,
            Boolean confirmDuplicate) {
    }

    record CaseBody(String unit, String kind, String openedOn, String reason, String responsible,
            List<NewCase.Member> people, Long encounterId) {
    }

    private final People people;
    private final Cases cases;

    CaseworkApi(People people, Cases cases) {
        this.people = people;
        this.cases = cases;
    }

    @PostMapping("/people")
    @Operation(summary = "Register a person in one of the caller's units: identified (personalNumber 10 or 12 digits + "
            + "name) or anonymous (alias). 409 with the possible duplicates unless confirmDuplicate is true.")
    ResponseEntity<Map<String, Object>> register(@RequestBody PersonBody body, IdempotencyKey key) {
        return key.once("person.register", body, () -> {
            long id = people.register(new NewPerson(body.personalNumber() != null && !body.personalNumber().isBlank(),
                    body.personalNumber(), body.name(), body.alias(), body.birthYear(), body.ageBand(), body.gender(),
                    body.phone(), body.email(), body.address(), body.protection(), body.homeMunicipality(), body.unit(),
                    Boolean.TRUE.equals(body.confirmDuplicate())));
            return ResponseEntity.created(URI.create("/api/v1/people/" + id)).body(Map.of("id", id));
        });
    }

    @GetMapping("/people/{id}")
    @Operation(summary = "A person the caller may see (protected identities masked); audited")
    PersonJson person(@PathVariable long id) {
        return PersonJson.of(people.find(id, ReadPurpose.VIEW).orElseThrow(CaseAccess::notFound));
    }

    record SearchBody(String q) {
    }

    @PostMapping("/people/search")
    @Operation(summary = "Search by personnummer, name or alias among the people the caller may see; each hit audited",
            description = "Body {\"q\": \"...\"}. A POST so that a personnummer or a name never stands in a URL.")
    List<PersonJson> search(@RequestBody SearchBody body) {
        return people.search(body.q()).stream().map(PersonJson::of).toList();
    }

    @PostMapping("/cases")
    @Operation(summary = "Open a case in one of the caller's units with its people [{personId, role}]")
    ResponseEntity<Map<String, Object>> open(@RequestBody CaseBody body, IdempotencyKey key) {
        return key.once("case.open", body, () -> {
            long id = cases.open(new NewCase(body.unit(), body.kind(), body.openedOn(), body.reason(),
                    body.responsible(), body.people(), body.encounterId()));
            return ResponseEntity.created(URI.create("/api/v1/cases/" + id)).body(Map.of("id", id));
        });
    }

    @GetMapping("/cases/{id}")
    @Operation(summary = "A case the caller may see, with its people; audited")
    CaseJson caseFile(@PathVariable long id) {
        return CaseJson.of(cases.find(id, ReadPurpose.VIEW).orElseThrow(CaseAccess::notFound));
    }

    @GetMapping("/cases")
    @Operation(summary = "The open cases the caller may see")
    List<CaseJson> list() {
        return cases.visible(true, 500).stream().map(CaseJson::of).toList();
    }

    @ExceptionHandler(People.PossibleDuplicates.class)
    ResponseEntity<Map<String, Object>> duplicates(People.PossibleDuplicates e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(Map.of("title", "Possible duplicates", "status", 409,
                        "detail", "Set confirmDuplicate to true after checking these people.",
                        "duplicates", e.matches().stream().map(PersonJson::of).toList()));
    }
}
