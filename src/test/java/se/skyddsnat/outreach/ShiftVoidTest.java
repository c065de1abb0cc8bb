package se.skyddsnat.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/**
 * Voiding (makulering) a shift or an encounter recorded by mistake: the figures drop by
 * exactly what was voided, the open tasks and notices are closed as "makulerad", the
 * shift stays visible, struck through, to its units; another unit's shift does not exist,
 * a role that does not record shifts is refused, a reason is required, twice is refused.
 */
class ShiftVoidTest extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void shouldTakeVoidedRowsOutOfTheStatisticsAndCloseTheirTasksAndNoticesAsVoided() {
		String mika = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String token = token(mika, USER_PASSWORD);
		String coordinator = token(createUser("coord", List.of("COORDINATOR"), List.of()), USER_PASSWORD);
		LocalDate date = LocalDate.of(2012, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(360));
		String period = "/api/v1/outreach/statistics?from=" + date + "&to=" + date;
		JsonNode before = json(http().json("GET", period, null, coordinator).body());

		var created = http().json("POST", "/api/v1/outreach/shifts", """
				{"date":"%s","kind":"joint","police_operation":"raid","arena":"apartment","municipality":"0180",
				 "units":["MIKA"],"encounters":[
				  {"role":"exposed","gender":"female","age":16,"minor":"yes","home_municipality":"0126",
				   "support_offered":true,"offered_by":"MIKA","accepted":"unknown"},
				  {"role":"exposed","gender":"female","age":30,"minor":"no","home_municipality":"0180",
				   "support_offered":true,"offered_by":"MIKA","accepted":"yes"},
				  {"role":"buyer","gender":"male","age":40,"minor":"no","home_municipality":"0126",
				   "support_offered":false,"accepted":"unknown"}]}""".formatted(date), token);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long shiftId = json(created.body()).get("id").asLong();
		List<Long> encounters = jdbc.sql("SELECT id FROM outreach.encounters WHERE shift_id = ? ORDER BY position")
			.param(shiftId)
			.query(Long.class)
			.list();
		JsonNode recorded = json(http().json("GET", period, null, coordinator).body());
		assertThat(n(recorded, "encounters")).isEqualTo(n(before, "encounters") + 3);
		assertThat(n(recorded, "buyers")).isEqualTo(n(before, "buyers") + 1);
		assertThat(notices(shiftId)).containsExactly("0126:1/1/0:open");

		// the buyer was recorded by mistake: one fewer buyer, the notice counts one
		// fewer, nothing else moves
		var noReason = http().json("POST", "/api/v1/outreach/encounters/" + encounters.get(2) + "/void",
				"{\"reason\":\" \"}", token);
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("\"field\":\"reason\"");
		var buyer = http().json("POST", "/api/v1/outreach/encounters/" + encounters.get(2) + "/void",
				"{\"reason\":\"Dubbelregistrerad\"}", token);
		assertThat(buyer.statusCode()).as(buyer.body()).isEqualTo(200);
		JsonNode afterBuyer = json(http().json("GET", period, null, coordinator).body());
		assertThat(n(afterBuyer, "encounters")).isEqualTo(n(recorded, "encounters") - 1);
		assertThat(n(afterBuyer, "buyers")).isEqualTo(n(recorded, "buyers") - 1);
		assertThat(n(afterBuyer, "exposed")).isEqualTo(n(recorded, "exposed"));
		assertThat(n(afterBuyer, "shifts")).isEqualTo(n(recorded, "shifts"));
		assertThat(notices(shiftId)).containsExactly("0126:1/0/0:open");
		assertThat(tasks(shiftId)).containsExactly("concern_report:open", "contact_guardians:open");

		// the whole shift was a mistake: it and its two remaining people leave the
		// figures
		var again = http().json("POST", "/api/v1/outreach/encounters/" + encounters.get(2) + "/void",
				"{\"reason\":\"Igen\"}", token);
		assertThat(again.statusCode()).isEqualTo(409);
		var shift = http().json("POST", "/api/v1/outreach/shifts/" + shiftId + "/void",
				"{\"reason\":\"Fel datum, registrerat på nytt\"}", token);
		assertThat(shift.statusCode()).as(shift.body()).isEqualTo(200);
		JsonNode afterShift = json(http().json("GET", period, null, coordinator).body());
		assertThat(n(afterShift, "shifts")).isEqualTo(n(before, "shifts"));
		assertThat(n(afterShift, "encounters")).isEqualTo(n(afterBuyer, "encounters") - 2);
		assertThat(n(afterShift, "exposedMinors")).isEqualTo(n(before, "exposedMinors"));
		assertThat(tasks(shiftId)).containsExactly("concern_report:makulerad", "contact_guardians:makulerad");
		assertThat(notices(shiftId)).containsExactly("0126:1/0/0:makulerad");
		assertThat(jdbc.sql("SELECT count(*) FROM casework.tasks WHERE shift_id = ? AND voided")
			.param(shiftId)
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(jdbc
			.sql("SELECT details FROM audit.audit_log WHERE actor = ? AND subject_type = 'shift' "
					+ "AND subject_id = ? AND kind = 'CHANGE' ORDER BY id")
			.params(mika, String.valueOf(shiftId))
			.query(String.class)
			.list()).containsExactly("shift.recorded|3", "encounter.voided|" + encounters.get(2), "shift.voided|2");

		// still there for the unit, struck through, with the reason; the child's tasks
		// are gone from the start page
		Http page = http();
		page.login(mika, USER_PASSWORD);
		String html = page.get("/outreach/shifts/" + shiftId).body();
		assertThat(html).contains("Passet är makulerat")
			.contains("Fel datum, registrerat på nytt")
			.contains("class=\"voided\"")
			.contains("Dubbelregistrerad")
			.doesNotContain("Makulera passet");
		assertThat(page.get("/").body())
			.doesNotContain("/tasks/" + jdbc.sql("SELECT min(id) FROM casework.tasks WHERE shift_id = ?")
				.param(shiftId)
				.query(Long.class)
				.single() + "\"");
	}

	@Test
	void shouldRefuseAnotherUnitAndARoleThatDoesNotRecordShifts() {
		String mika = token(createUser("mika", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);
		String kast = token(createUser("kast", List.of("CASEWORKER"), List.of("KAST")), USER_PASSWORD);
		String analyst = token(createUser("analyst", List.of("ANALYST"), List.of("MIKA")), USER_PASSWORD);
		var created = http().json("POST", "/api/v1/outreach/shifts", """
				{"date":"2012-06-01","kind":"own","arena":"street","municipality":"0180","units":["MIKA"],
				 "encounters":[{"role":"exposed","gender":"female","age":24,"minor":"no","home_municipality":"0180",
				                "support_offered":true,"offered_by":"MIKA","accepted":"yes"}]}""", mika);
		long shiftId = json(created.body()).get("id").asLong();
		String body = "{\"reason\":\"Misstag\"}";

		assertThat(http().json("POST", "/api/v1/outreach/shifts/" + shiftId + "/void", body, kast).statusCode())
			.isEqualTo(404);
		assertThat(http().json("POST", "/api/v1/outreach/shifts/" + shiftId + "/void", body, analyst).statusCode())
			.isEqualTo(403);
		assertThat(jdbc.sql("SELECT voided_at IS NULL FROM outreach.shifts WHERE id = ?")
			.param(shiftId)
			.query(Boolean.class)
			.single()).isTrue();

		// the form on the shift page saves once
		Http page = http();
		page.login(createUser("mika", List.of("MANAGER"), List.of("MIKA")), USER_PASSWORD);
		String html = page.get("/outreach/shifts/" + shiftId).body();
		String formToken = html.replaceAll("(?s).*name=\"idempotencyToken\" value=\"([^\"]+)\".*", "$1");
		var first = page.post("/outreach/shifts/" + shiftId + "/void",
				Map.of("reason", "Registrerat två gånger", "idempotencyToken", formToken));
		assertThat(first.statusCode()).isEqualTo(302);
		var repeat = page.post("/outreach/shifts/" + shiftId + "/void",
				Map.of("reason", "Registrerat två gånger", "idempotencyToken", formToken));
		assertThat(repeat.statusCode()).isEqualTo(302);
		assertThat(page.get("/outreach/shifts/" + shiftId + "?voided").body()).contains("Makuleringen är sparad");
	}

	private List<String> tasks(long shiftId) {
		return jdbc
			.sql("SELECT kind || ':' || coalesce(done_to, 'open') FROM casework.tasks WHERE shift_id = ? "
					+ "ORDER BY kind")
			.param(shiftId)
			.query(String.class)
			.list();
	}

	private List<String> notices(long shiftId) {
		return jdbc
			.sql("SELECT municipality || ':' || exposed || '/' || buyers || '/' || other || ':' "
					+ "|| coalesce(informed_how, 'open') FROM region.notices WHERE shift_id = ? ORDER BY municipality")
			.param(shiftId)
			.query(String.class)
			.list();
	}

	private static long n(JsonNode figures, String field) {
		return figures.get(field).asLong();
	}

	private static JsonNode json(String body) {
		return JSON.readTree(body);
	}

}
