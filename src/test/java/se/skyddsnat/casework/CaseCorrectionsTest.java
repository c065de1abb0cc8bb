package se.skyddsnat.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/**
 * A case's state changes, each kept with its reason and audited, each refused for the
 * wrong user: the responsible worker changed, closed and reopened; an emergency access
 * ended early by the manager; a consent withdrawn (then no longer covering a new external
 * referral).
 */
class CaseCorrectionsTest extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void shouldChangeTheResponsibleCloseAndReopenWithReasonsAndRefuseOthers() {
		String mika = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String token = token(mika, USER_PASSWORD);
		String kast = token(createUser("kast", List.of("CASEWORKER"), List.of("KAST")), USER_PASSWORD);
		String admin = token(createUser("mikaadmin", List.of("ADMIN"), List.of("MIKA")), USER_PASSWORD);
		long caseId = openCase(token, person(token));

		var responsible = http().json("POST", "/api/v1/cases/" + caseId + "/responsible",
				"{\"responsible\":\"kollega\",\"reason\":\"Föräldraledig\"}", token);
		assertThat(responsible.statusCode()).as(responsible.body()).isEqualTo(200);
		assertThat(json(responsible.body()).get("responsible").asString()).isEqualTo("kollega");
		assertThat(http().json("POST", "/api/v1/cases/" + caseId + "/responsible", "{\"responsible\":\"annan\"}", kast)
			.statusCode()).isEqualTo(404);
		assertThat(http().json("POST", "/api/v1/cases/" + caseId + "/responsible", "{\"responsible\":\"annan\"}", admin)
			.statusCode()).isEqualTo(403);

		var closed = http().json("POST", "/api/v1/cases/" + caseId + "/close",
				"{\"closedOn\":\"" + LocalDate.now() + "\",\"outcome\":\"referred_on\",\"reason\":\"Flyttat\"}", token);
		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
		assertThat(json(closed.body()).get("status").asString()).isEqualTo("closed");
		assertThat(
				http().json("POST", "/api/v1/cases/" + caseId + "/responsible", "{\"responsible\":\"tredje\"}", token)
					.statusCode())
			.isEqualTo(409);

		var noReason = http().json("POST", "/api/v1/cases/" + caseId + "/reopen", "{\"reason\":\"\"}", token);
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("\"field\":\"reason\"");
		assertThat(http().json("POST", "/api/v1/cases/" + caseId + "/reopen", "{\"reason\":\"Tillbaka\"}", kast)
			.statusCode()).isEqualTo(404);
		var reopened = http().json("POST", "/api/v1/cases/" + caseId + "/reopen",
				"{\"reason\":\"Personen har hört av sig igen\"}", token);
		assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
		JsonNode open = json(reopened.body());
		assertThat(open.get("status").asString()).isEqualTo("open");
		assertThat(open.get("outcome") == null || open.get("outcome").isNull()).isTrue();
		assertThat(open.get("closedOn") == null || open.get("closedOn").isNull()).isTrue();
		assertThat(
				http().json("POST", "/api/v1/cases/" + caseId + "/reopen", "{\"reason\":\"Igen\"}", token).statusCode())
			.isEqualTo(409);

		assertThat(jdbc
			.sql("SELECT change || ':' || coalesce(reason, '-') FROM casework.case_changes WHERE case_id = ? "
					+ "ORDER BY id")
			.param(caseId)
			.query(String.class)
			.list())
			.containsExactly("responsible:Föräldraledig", "closed:Flyttat", "reopened:Personen har hört av sig igen");
		assertThat(jdbc
			.sql("SELECT details FROM audit.audit_log WHERE actor = ? AND kind = 'CHANGE' "
					+ "AND subject_type = 'case' AND subject_id = ? ORDER BY id")
			.params(mika, String.valueOf(caseId))
			.query(String.class)
			.list()).contains("case.responsibleChanged", "case.closed|#case.outcome.referred_on", "case.reopened");

		Http page = http();
		page.login(mika, USER_PASSWORD);
		assertThat(page.get("/cases/" + caseId).body()).contains("Ändringar av ärendet")
			.contains("Ansvarig: Test mika → kollega")
			.contains("Personen har hört av sig igen")
			.contains("Avsluta ärendet");
	}

	@Test
	void shouldLetTheManagerEndAnEmergencyAccessEarly() {
		String mikaToken = token(createUser("mika", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);
		String manager = createUser("chef", List.of("MANAGER"), List.of("MIKA"));
		String night = createUser("natt", List.of("CASEWORKER"), List.of("SOCIALJOUREN"));
		String number = Numbers.personnummer(LocalDate.of(1990, 4, 4));
		long person = json(http()
			.json("POST", "/api/v1/people",
					"""
							{"personalNumber":"%s","name":"Nora Berg-%s","gender":"female","unit":"MIKA"}"""
						.formatted(number, Numbers.suffix()),
					mikaToken)
			.body()).get("id").asLong();
		Http browser = http();
		browser.login(night, USER_PASSWORD);
		browser.get("/emergency");
		browser.post("/emergency", Map.of("personalNumber", number, "reason",
				"Personen är hos Socialjouren i natt och behöver skyddat boende"));
		assertThat(browser.get("/people/" + person).statusCode()).isEqualTo(200);
		long grant = jdbc.sql("SELECT id FROM casework.emergency_access WHERE username = ?")
			.param(night)
			.query(Long.class)
			.single();

		// neither the user who has it nor a caseworker may end it; the manager of the
		// person's unit may
		assertThat(http()
			.json("POST", "/api/v1/casework/review/emergency/" + grant + "/end", null, token(night, USER_PASSWORD))
			.statusCode()).isEqualTo(403);
		assertThat(http().json("POST", "/api/v1/casework/review/emergency/" + grant + "/end", null, mikaToken)
			.statusCode()).isEqualTo(403);
		String managerToken = token(manager, USER_PASSWORD);
		var ended = http().json("POST", "/api/v1/casework/review/emergency/" + grant + "/end", null, managerToken);
		assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
		assertThat(browser.get("/people/" + person).statusCode()).isEqualTo(404);
		assertThat(http().json("POST", "/api/v1/casework/review/emergency/" + grant + "/end", null, managerToken)
			.statusCode()).isEqualTo(409);
		assertThat(jdbc.sql("SELECT ended_by FROM casework.emergency_access WHERE id = ?")
			.param(grant)
			.query(String.class)
			.single()).isEqualTo(manager);
		assertThat(jdbc
			.sql("SELECT details FROM audit.audit_log WHERE actor = ? AND kind = 'CHANGE' "
					+ "AND subject_type = 'emergency_access' AND subject_id = ?")
			.params(manager, String.valueOf(grant))
			.query(String.class)
			.single()).isEqualTo("emergency.endedEarly|@person:" + person);
	}

	@Test
	void shouldWithdrawAConsentOnceForTheCasesOwnUnit() {
		String mika = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String token = token(mika, USER_PASSWORD);
		String kast = token(createUser("kast", List.of("CASEWORKER"), List.of("KAST")), USER_PASSWORD);
		long person = person(token);
		long caseId = openCase(token, person);
		var consent = http().json("POST", "/api/v1/cases/" + caseId + "/consents", """
				{"personId":%d,"kind":"written","givenOn":"%s","scope":"Socialtjänsten i Huddinge"}""".formatted(person,
				LocalDate.now().minusDays(1)), token);
		assertThat(consent.statusCode()).as(consent.body()).isEqualTo(201);
		long consentId = json(consent.body()).get("id").asLong();

		assertThat(http()
			.json("POST", "/api/v1/cases/" + caseId + "/consents/" + consentId + "/withdraw",
					"{\"reason\":\"Vill inte\"}", kast)
			.statusCode()).isEqualTo(404);
		var withdrawn = http().json("POST", "/api/v1/cases/" + caseId + "/consents/" + consentId + "/withdraw",
				"{\"reason\":\"Personen ångrade sig\"}", token);
		assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
		assertThat(http().json("POST", "/api/v1/cases/" + caseId + "/consents/" + consentId + "/withdraw", "{}", token)
			.statusCode()).isEqualTo(409);
		assertThat(jdbc
			.sql("SELECT count(*) FROM audit.audit_log WHERE actor = ? AND kind = 'CHANGE' "
					+ "AND subject_type = 'person' AND subject_id = ? AND details = ?")
			.params(mika, String.valueOf(person), "consent.withdrawn|" + consentId + "|" + caseId)
			.query(Long.class)
			.single()).isEqualTo(1);

		Http page = http();
		page.login(mika, USER_PASSWORD);
		assertThat(page.get("/cases/" + caseId).body()).contains("Återkallat");
	}

	private long person(String token) {
		var response = http().json("POST", "/api/v1/people", """
				{"personalNumber":"%s","name":"Ida Ek-%s","gender":"female","unit":"MIKA","confirmDuplicate":true}"""
			.formatted(Numbers.personnummer(), Numbers.suffix()), token);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response.body()).get("id").asLong();
	}

	private long openCase(String token, long person) {
		var response = http().json("POST", "/api/v1/cases", """
				{"unit":"MIKA","kind":"mika_support","openedOn":"%s","reason":"Stöd",
				 "people":[{"personId":%d,"role":"exposed"}]}""".formatted(LocalDate.now().minusDays(10), person),
				token);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response.body()).get("id").asLong();
	}

	private static JsonNode json(String body) {
		return JSON.readTree(body);
	}

}
