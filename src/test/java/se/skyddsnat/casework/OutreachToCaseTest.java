package se.skyddsnat.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/**
 * From a person met on a shift to a case: the person form filled from the encounter, the
 * child's tasks linked.
 */
class OutreachToCaseTest extends IntegrationTest {

	private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();

	@Test
	void shouldOpenACaseFromAnEncounterAndLinkTheChildsTasksToIt() {
		String user = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String token = token(user, USER_PASSWORD);
		var shift = http().json("POST", "/api/v1/outreach/shifts", """
				{"date":"%s","kind":"joint","police_operation":"raid","arena":"apartment","municipality":"0180",
				 "units":["MIKA"],"encounters":[{"role":"exposed","gender":"female","age":16,"minor":"yes",
				 "home_municipality":"0126","support_offered":"yes","offered_by":"MIKA","accepted":"yes"}]}"""
			.formatted(TODAY), token);
		assertThat(shift.statusCode()).as(shift.body()).isEqualTo(201);
		long shiftId = number(shift.body(), "\"id\":(\\d+)");
		long encounter = jdbc.sql("SELECT id FROM outreach.encounters WHERE shift_id = ?")
			.param(shiftId)
			.query(Long.class)
			.single();

		var browser = http();
		browser.login(user, USER_PASSWORD);
		assertThat(browser.get("/outreach/shifts/" + shiftId).body()).contains("/people?encounterId=" + encounter);
		assertThat(browser.get("/people?encounterId=" + encounter).body()).contains("Välj personen som påträffades");
		String form = browser.get("/people/new?encounterId=" + encounter).body();
		assertThat(form).contains("value=\"" + (LocalDate.parse(TODAY).getYear() - 16) + "\"")
			.containsPattern(
					"value=\"female\"\\s+checked|checked=\"checked\"[^>]*value=\"female\"|value=\"female\"[^>]*checked");

		var saved = browser.post("/people",
				Map.of("kind", "anonymous", "alias", "Stjärnan", "gender", "female", "birthYear",
						String.valueOf(LocalDate.parse(TODAY).getYear() - 16), "homeMunicipality", "0126",
						"encounterId", String.valueOf(encounter)));
		String next = Http.location(saved);
		assertThat(next).contains("/cases/new?personId=").contains("encounterId=" + encounter);
		long person = number(next, "personId=(\\d+)");
		browser.get(next.replaceFirst("^https?://[^/]+", ""));
		var opened = browser.post("/cases",
				Map.of("personId", String.valueOf(person), "encounterId", String.valueOf(encounter), "unit", "MIKA",
						"kind", "youth", "role", "exposed", "openedOn", TODAY, "reason",
						"Påträffad vid tillslag, 16 år"));
		long caseId = number(Http.location(opened), "/cases/(\\d+)");

		assertThat(jdbc.sql("SELECT count(*) FROM casework.tasks WHERE encounter_id = ? AND case_id = ?")
			.params(encounter, caseId)
			.query(Long.class)
			.single()).isEqualTo(2);
		long task = jdbc.sql("SELECT id FROM casework.tasks WHERE encounter_id = ? AND kind = 'concern_report'")
			.param(encounter)
			.query(Long.class)
			.single();
		assertThat(browser.get("/tasks/" + task).body()).contains("/cases/" + caseId);

		// another unit cannot open a case from this encounter
		String kast = token(createUser("kast", List.of("CASEWORKER"), List.of("KAST")), USER_PASSWORD);
		long kastPerson = number(http().json("POST", "/api/v1/people", """
				{"alias":"K","gender":"male","unit":"KAST"}""", kast).body(), "\"id\":(\\d+)");
		var refused = http().json("POST", "/api/v1/cases", """
				{"unit":"KAST","kind":"kast_counselling","openedOn":"%s","reason":"x","encounterId":%d,
				 "people":[{"personId":%d,"role":"buyer"}]}""".formatted(TODAY, encounter, kastPerson), kast);
		assertThat(refused.statusCode()).isEqualTo(404);
	}

	private static long number(String text, String regex) {
		Matcher m = Pattern.compile(regex).matcher(text);
		assertThat(m.find()).as(text).isTrue();
		return Long.parseLong(m.group(1));
	}

}
