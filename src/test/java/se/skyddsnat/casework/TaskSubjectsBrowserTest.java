package se.skyddsnat.casework;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import se.skyddsnat.support.BrowserTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11: after a raid where two children were met, each task on the start page names
 * its own child — gender and age, the shift's date, arena and municipality, the home
 * municipality by name — and, once a case is opened for one of them, the case and its
 * person. GET /api/v1/tasks answers the same words as {@code subject}. Checked with axe.
 */
class TaskSubjectsBrowserTest extends BrowserTest {

	@Autowired
	private Clock clock;

	@Test
	void shouldNameEachChildsOwnTasksOnTheStartPageAndInTheApi() {
		String today = LocalDate.now(clock).toString();
		String worker = createUser("raid", List.of("CASEWORKER"), List.of("UNGDOMSJOUREN"));
		String token = token(worker, USER_PASSWORD);
		var shift = http().json("POST", "/api/v1/outreach/shifts", """
				{"date":"%s","kind":"joint","police_operation":"raid","arena":"apartment","municipality":"0180",
				 "units":["UNGDOMSJOUREN"],
				 "encounters":[
				   {"role":"exposed","gender":"female","age":16,"minor":"yes","home_municipality":"0127",
				    "support_offered":true,"offered_by":"UNGDOMSJOUREN","accepted":"unknown"},
				   {"role":"exposed","gender":"male","age":15,"minor":"yes","home_municipality":"0126",
				    "support_offered":true,"offered_by":"UNGDOMSJOUREN","accepted":"unknown"},
				   {"role":"buyer","gender":"male","age":45,"minor":"no","home_municipality":"0180",
				    "support_offered":false,"accepted":"no"}]}""".formatted(today), token);
		org.assertj.core.api.Assertions.assertThat(shift.statusCode()).as(shift.body()).isEqualTo(201);
		long shiftId = id(shift.body());
		String girl = "Flicka, 16 år · påträffad " + today + ", tillslag i lägenhet, Stockholm · hemkommun Botkyrka";
		String boy = "Pojke, 15 år · påträffad " + today + ", tillslag i lägenhet, Stockholm · hemkommun Huddinge";

		// a case opened for the girl from her encounter: her tasks name it and her alias
		// too
		long girlsEncounter = jdbc.sql("SELECT id FROM outreach.encounters WHERE shift_id = ? AND position = 1")
			.param(shiftId)
			.query(Long.class)
			.single();
		String alias = "Lina-" + Numbers.suffix();
		long person = id(http()
			.json("POST", "/api/v1/people",
					"{\"alias\":\"" + alias + "\",\"gender\":\"female\",\"unit\":\"UNGDOMSJOUREN\"}", token)
			.body());
		var opened = http().json("POST", "/api/v1/cases", """
				{"unit":"UNGDOMSJOUREN","kind":"youth","openedOn":"%s","reason":"Påträffad vid tillslag",
				 "people":[{"personId":%d,"role":"exposed"}],"encounterId":%d}""".formatted(today, person,
				girlsEncounter), token);
		org.assertj.core.api.Assertions.assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		long caseId = id(opened.body());
		String girlWithCase = girl + " · ärende " + caseId + ": " + alias + " (alias)";

		Map<Long, String> expected = new HashMap<>();
		jdbc.sql("SELECT t.id, e.position FROM casework.tasks t JOIN outreach.encounters e ON e.id = t.encounter_id "
				+ "WHERE t.shift_id = ?")
			.param(shiftId)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2) == 1 ? girlWithCase : boy))
			.list()
			.forEach(e -> expected.put(e.getKey(), e.getValue()));
		org.assertj.core.api.Assertions.assertThat(expected).hasSize(4);

		Page page = newPage();
		logIn(page, worker, USER_PASSWORD);
		Locator tasks = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Mina uppgifter"));
		expected.forEach((task, subject) -> {
			Locator item = tasks.locator("li")
				.filter(new Locator.FilterOptions().setHas(page.locator("a[href$='/tasks/" + task + "']")));
			assertThat(item).hasCount(1);
			assertThat(item.locator(".task-subject")).hasText(subject);
			assertThat(item).containsText("Ungdomsjouren");
		});
		// each child's two tasks, told apart: the girl's name her case, the boy's his
		// home
		assertThat(tasks.getByText(girlWithCase, new Locator.GetByTextOptions().setExact(true))).hasCount(2);
		assertThat(tasks.getByText(boy, new Locator.GetByTextOptions().setExact(true))).hasCount(2);
		axe(page);

		// the task page says the same, with the report's municipality by name
		long boysReport = expected.entrySet()
			.stream()
			.filter(e -> e.getValue().equals(boy))
			.map(Map.Entry::getKey)
			.filter(id -> jdbc.sql("SELECT kind FROM casework.tasks WHERE id = ?")
				.param(id)
				.query(String.class)
				.single()
				.equals("concern_report"))
			.findFirst()
			.orElseThrow();
		page.navigate("/tasks/" + boysReport);
		assertThat(page.locator("dd.task-subject")).hasText(boy);
		assertThat(page.getByRole(AriaRole.MAIN)).containsText("socialtjänsten i kommun Huddinge");
		axe(page);

		// the API: the same words as subject, with dueOn, overdue, kind, shiftId, caseId
		var answer = http().json("GET", "/api/v1/tasks", null, token);
		org.assertj.core.api.Assertions.assertThat(answer.statusCode()).isEqualTo(200);
		JsonNode list = JsonMapper.builder().build().readTree(answer.body());
		int found = 0;
		for (JsonNode t : list) {
			String subject = expected.get(t.get("id").asLong());
			if (subject != null) {
				found++;
				org.assertj.core.api.Assertions.assertThat(t.get("subject").asString()).isEqualTo(subject);
				org.assertj.core.api.Assertions.assertThat(t.get("dueOn").asString()).isEqualTo(today);
				org.assertj.core.api.Assertions.assertThat(t.get("overdue").asBoolean()).isFalse();
				org.assertj.core.api.Assertions.assertThat(t.get("shiftId").asLong()).isEqualTo(shiftId);
				org.assertj.core.api.Assertions.assertThat(t.get("kind").asString())
					.isIn("contact_guardians", "concern_report");
				if (subject.equals(girlWithCase)) {
					org.assertj.core.api.Assertions.assertThat(t.get("caseId").asLong()).isEqualTo(caseId);
				}
			}
		}
		org.assertj.core.api.Assertions.assertThat(found).isEqualTo(4);
	}

	private static long id(String body) {
		var m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(body);
		if (!m.find()) {
			throw new AssertionError("No id in " + body);
		}
		return Long.parseLong(m.group(1));
	}

}
