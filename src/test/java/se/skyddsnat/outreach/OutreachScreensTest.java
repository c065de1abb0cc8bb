package se.skyddsnat.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/**
 * The shift form, the task and notice screens, over real HTTP as a browser posts them.
 */
class OutreachScreensTest extends IntegrationTest {

	private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();

	@Test
	void shouldRecordAShiftThroughTheFormWithAReviewStepAndCloseATask() {
		String user = createUser("form", List.of("CASEWORKER"), List.of("UNGDOMSJOUREN"));
		String colleague = createUser("colleague", List.of("CASEWORKER"), List.of("UNGDOMSJOUREN"));
		var browser = http();
		browser.login(user, USER_PASSWORD);
		assertThat(browser.get("/outreach/shifts/new").body()).contains("Registrera pass")
			.contains("Skriv aldrig namn, personnummer");
		var form = shiftForm();

		var review = browser.post("/outreach/shifts", with(form, "action", "review"));
		assertThat(review.statusCode()).isEqualTo(200);
		assertThat(review.body()).contains("Granska passet").contains("Barn påträffades: 2 uppgifter skapas");
		assertThat(jdbc.sql("SELECT count(*) FROM outreach.shifts WHERE recorded_by = ?")
			.param(user)
			.query(Long.class)
			.single()).isZero();

		var saved = browser.post("/outreach/shifts", with(form, "action", "save"));
		assertThat(Http.location(saved)).matches(".*/outreach/shifts/\\d+");
		var page = browser.get(Http.location(saved).replaceFirst("^https?://[^/]+", ""));
		assertThat(page.body()).contains("Passet är sparat. 2 uppgifter").contains("Påträffade personer: 2");

		var colleagueHome = http();
		colleagueHome.login(colleague, USER_PASSWORD);
		String home = colleagueHome.get("/").body();
		assertThat(home).contains("Kontakta vårdnadshavare").contains("Gör en orosanmälan");
		long taskId = jdbc
			.sql("SELECT t.id FROM casework.tasks t JOIN outreach.shifts s ON s.id = t.shift_id "
					+ "WHERE s.recorded_by = ? AND t.kind = 'contact_guardians'")
			.param(user)
			.query(Long.class)
			.single();
		assertThat(home).contains("href=\"/tasks/" + taskId + "\"");

		colleagueHome.get("/tasks/" + taskId);
		var missing = colleagueHome.post("/tasks/" + taskId, Map.of("doneOn", "", "doneTo", ""));
		assertThat(missing.body()).contains("Ange ett datum i formen ÅÅÅÅ-MM-DD").contains("Ange till vem");
		var done = colleagueHome.post("/tasks/" + taskId,
				Map.of("doneOn", TODAY, "doneTo", "Vårdnadshavare per telefon"));
		assertThat(Http.location(done)).endsWith("/");
		// the closed task is gone from the start page (other tests' tasks of the unit may
		// be listed too)
		assertThat(colleagueHome.get("/").body()).contains("Uppgiften är klar.")
			.doesNotContain("href=\"/tasks/" + taskId + "\"")
			.contains("Gör en orosanmälan");
		assertThat(
				jdbc.sql("SELECT done_to FROM casework.tasks WHERE id = ?").param(taskId).query(String.class).single())
			.isEqualTo("Vårdnadshavare per telefon");

		String outsider = createUser("outsider", List.of("CASEWORKER"), List.of("KAST"));
		var other = http();
		other.login(outsider, USER_PASSWORD);
		assertThat(other.get("/tasks/" + taskId).statusCode()).isEqualTo(404);
	}

	@Test
	void shouldShowEachProblemNextToItsFieldAndKeepWhatWasTyped() {
		String user = createUser("formerr", List.of("CASEWORKER"), List.of("MIKA"));
		var browser = http();
		browser.login(user, USER_PASSWORD);
		browser.get("/outreach/shifts/new");
		var form = shiftForm();
		form.put("date", "2099-01-01");
		form.put("policeOperation", "");
		form.put("encounters[1].age", "30");
		form.put("encounters[1].minor", "yes");
		form.put("units", "MIKA");

		var answer = browser.post("/outreach/shifts", with(form, "action", "review"));

		assertThat(answer.body()).contains("error-summary")
			.contains("Datumet ligger i framtiden")
			.contains("href=\"#policeOperation\"")
			.contains("Åldern 30 år stämmer inte med &quot;under 18 år: ja&quot;")
			.contains("value=\"2099-01-01\"");
	}

	@Test
	void shouldAddAndRemovePeopleWithoutJavaScript() {
		String user = createUser("rows", List.of("CASEWORKER"), List.of("MIKA"));
		var browser = http();
		browser.login(user, USER_PASSWORD);
		browser.get("/outreach/shifts/new");
		var form = shiftForm();

		var added = browser.post("/outreach/shifts", with(form, "action", "add"));
		assertThat(added.body()).contains("Person 3").doesNotContain("Person 4");
		var removed = browser.post("/outreach/shifts", with(form, "action", "remove-0"));
		assertThat(removed.body()).contains("Person 1").doesNotContain("Person 2");
		var htmxRow = browser.get("/outreach/shifts/new/person?nextIndex=5");
		assertThat(htmxRow.body()).contains("Person 6")
			.contains("name=\"encounters[5].role\"")
			.contains("hx-swap-oob=\"true\"")
			.contains("value=\"6\"");
	}

	@Test
	void shouldLetTheCoordinatorRecordHowAMunicipalityWasInformed() {
		String coordinator = createUser("noticer", List.of("COORDINATOR"), List.of());
		String ref = "notice-" + System.nanoTime();
		http().multipart(
				"/api/v1/outreach/import", Map
					.of("shifts",
							("ref,date,start_time,end_time,kind,police_operation,arena,municipality,units,notes\n" + ref
									+ "," + TODAY + ",,,joint,surveillance,street,0180,MIKA,\n")
								.getBytes(),
							"encounters",
							("shift_ref,role,gender,age,minor,home_municipality,support_offered,offered_by,accepted\n"
									+ ref + ",buyer,male,50,no,0186,yes,KAST,no\n")
								.getBytes()),
				token(ADMIN, ADMIN_PASSWORD));
		long id = jdbc
			.sql("SELECT n.id FROM region.notices n JOIN outreach.shifts s ON s.id = n.shift_id WHERE s.ref = ?")
			.param(ref)
			.query(Long.class)
			.single();
		var browser = http();
		browser.login(coordinator, USER_PASSWORD);
		assertThat(browser.get("/").body()).contains("Informera Lidingö (1 påträffade)");
		assertThat(browser.get("/region/notices/" + id).body())
			.contains("0 utsatta i prostitution, 1 misstänkta sexköpare");

		var bad = browser.post("/region/notices/" + id, Map.of("informedOn", "igår", "informedHow", ""));
		assertThat(bad.body()).contains("Ange ett datum i formen ÅÅÅÅ-MM-DD")
			.contains("Ange hur kommunen informerades");
		var ok = browser.post("/region/notices/" + id,
				Map.of("informedOn", TODAY, "informedHow", "E-post till socialchefen"));
		assertThat(Http.location(ok)).endsWith("/");
		assertThat(browser.get("/region/notices").body()).contains("Informerad " + TODAY);

		var caseworker = http();
		caseworker.login(createUser("notcoord", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);
		assertThat(caseworker.get("/region/notices").statusCode()).isEqualTo(403);
	}

	/** A joint raid with two people: a girl of 16 from Huddinge and an adult buyer. */
	private static Map<String, String> shiftForm() {
		var form = new LinkedHashMap<String, String>();
		form.put("date", TODAY);
		form.put("startTime", "21:00");
		form.put("endTime", "23:30");
		form.put("kind", "joint");
		form.put("policeOperation", "raid");
		form.put("arena", "apartment");
		form.put("municipality", "0180");
		form.put("units", "UNGDOMSJOUREN");
		form.put("notes", "");
		form.put("encounters[0].role", "exposed");
		form.put("encounters[0].gender", "female");
		form.put("encounters[0].age", "16");
		form.put("encounters[0].minor", "yes");
		form.put("encounters[0].home", "0126");
		form.put("encounters[0].supportOffered", "yes");
		form.put("encounters[0].offeredBy", "UNGDOMSJOUREN");
		form.put("encounters[0].accepted", "unknown");
		form.put("encounters[1].role", "buyer");
		form.put("encounters[1].gender", "male");
		form.put("encounters[1].age", "");
		form.put("encounters[1].minor", "no");
		form.put("encounters[1].home", "unknown");
		form.put("encounters[1].supportOffered", "no");
		form.put("encounters[1].offeredBy", "");
		form.put("encounters[1].accepted", "no");
		return form;
	}

	private static Map<String, String> with(Map<String, String> form, String key, String value) {
		var copy = new LinkedHashMap<>(form);
		copy.put(key, value);
		return copy;
	}

}
