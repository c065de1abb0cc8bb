package se.skyddsnat.casework;

import static se.skyddsnat.support.Json.id;
import static org.assertj.core.api.Assertions.assertThat;
import static se.skyddsnat.support.Concurrently.together;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;
import se.skyddsnat.casework.journal.JournalTest;

/**
 * Case work under concurrent and repeated requests, over real HTTP: a repeated form or
 * Idempotency-Key creates one record; concurrent first drafts give one draft; concurrent
 * corrections of one entry give one correction and 409 for the rest; two people closing
 * one task: one wins, the other is told, and the audit log holds only what happened.
 */
class ConcurrentCaseworkTest extends IntegrationTest {

	private static final Pattern TOKEN = Pattern.compile("name=\"idempotencyToken\" value=\"([^\"]+)\"");

	private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();

	@Test
	void shouldGiveOneDraftWhenTheFirstDraftIsSavedManyTimesAtOnce() throws Exception {
		String user = createUser("drafts", List.of("CASEWORKER"), List.of("KAST"));
		String bearer = token(user, USER_PASSWORD);
		long caseId = casework(bearer).openCase("KAST", "kast_counselling");
		var browser = http();
		browser.login(user, USER_PASSWORD);
		browser.get("/cases/" + caseId);

		List<HttpResponse<String>> api = together(4, i -> http().json("POST", "/api/v1/cases/" + caseId + "/journal",
				"{\"note\":\"Första utkastet " + i + "\"}", bearer));
		List<HttpResponse<String>> autosaves = together(4, i -> browser.post("/cases/" + caseId + "/journal/autosave",
				Map.of("entryId", "", "note", "Autosparat " + i)));

		assertThat(api).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isIn(200, 201));
		assertThat(autosaves).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(200));
		assertThat(autosaves).allSatisfy(a -> assertThat(a.body()).contains("Utkastet sparades"));
		assertThat(api.stream().map(a -> id(a.body())).distinct().toList()).hasSize(1);
		assertThat(jdbc.sql("SELECT count(*) FROM casework.journal_entries WHERE case_id = ? AND author = ?")
			.params(caseId, user)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void shouldLetOnlyOneCorrectionOfAnEntryBeginWhenColleaguesCorrectItAtOnce() throws Exception {
		List<String> colleagues = List.of(createUser("corr-a", List.of("CASEWORKER"), List.of("KAST")),
				createUser("corr-b", List.of("CASEWORKER"), List.of("KAST")),
				createUser("corr-c", List.of("CASEWORKER"), List.of("KAST")),
				createUser("corr-d", List.of("MANAGER"), List.of("KAST")));
		List<String> bearers = colleagues.stream().map(u -> token(u, USER_PASSWORD)).toList();
		long caseId = casework(bearers.getFirst()).openCase("KAST", "kast_counselling");
		long entry = signedEntry(bearers.getFirst(), caseId);

		List<HttpResponse<String>> answers = together(4,
				i -> http().json("POST", "/api/v1/cases/" + caseId + "/journal",
						"{\"correctsId\":" + entry + ",\"note\":\"Rättad " + i + "\"}", bearers.get(i)));

		assertThat(answers.stream().filter(a -> a.statusCode() == 201)).hasSize(1);
		assertThat(answers.stream().filter(a -> a.statusCode() == 409)).hasSize(3).allSatisfy(a -> {
			assertThat(a.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
			assertThat(a.body()).contains("Anteckning " + entry + " har redan en rättelse").contains("\"correctsId\"");
		});
		assertThat(jdbc.sql("SELECT count(*) FROM casework.journal_entries WHERE corrects_id = ?")
			.param(entry)
			.query(Long.class)
			.single()).isEqualTo(1);

		// the one who started it may send it again (a double submit): the same
		// correction, not a second one
		String winner = colleagues
			.get(answers.indexOf(answers.stream().filter(a -> a.statusCode() == 201).findFirst().orElseThrow()));
		String winnerBearer = bearers.get(colleagues.indexOf(winner));
		List<HttpResponse<String>> again = together(3, () -> http().json("POST", "/api/v1/cases/" + caseId + "/journal",
				"{\"correctsId\":" + entry + "}", winnerBearer));
		assertThat(again).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(201));
		assertThat(again.stream().map(a -> id(a.body())).distinct().toList()).hasSize(1);

		// a colleague's page says so in Swedish
		String late = colleagues.stream().filter(u -> !u.equals(winner)).findFirst().orElseThrow();
		var browser = http();
		browser.login(late, USER_PASSWORD);
		String page = browser.get("/cases/" + caseId).body();
		var refused = browser.post("/cases/" + caseId + "/journal/" + entry + "/correct",
				Map.of("idempotencyToken", token(page)));
		assertThat(Http.location(refused)).contains("/cases/" + caseId);
		assertThat(browser.get("/cases/" + caseId).body()).contains("Anteckning " + entry + " har redan en rättelse");
		assertThat(jdbc.sql("SELECT count(*) FROM casework.journal_entries WHERE corrects_id = ?")
			.param(entry)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void shouldSignOnceWhenSignIsPressedTwiceOnTheSameForm() {
		String user = createUser("signtwice", List.of("CASEWORKER"), List.of("KAST"));
		long caseId = casework(token(user, USER_PASSWORD)).openCase("KAST", "kast_counselling");
		var browser = http();
		browser.login(user, USER_PASSWORD);
		String token = token(browser.get("/cases/" + caseId).body());
		var form = Map.of("idempotencyToken", token, "date", "2026-01-12", "kind", "counselling", "channel", "phone",
				"minutes", "30", "note", "Samtal om boende " + Numbers.suffix(), "action", "sign");

		var first = browser.post("/cases/" + caseId + "/journal", form);
		var again = browser.post("/cases/" + caseId + "/journal", form);

		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(Http.location(again)).isEqualTo(Http.location(first));
		assertThat(jdbc.sql("SELECT count(*) FROM casework.journal_entries WHERE case_id = ? AND author = ?")
			.params(caseId, user)
			.query(Long.class)
			.single()).as("one signed entry, no stray draft").isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM casework.journal_entries WHERE case_id = ? AND signed_at IS NOT NULL")
			.param(caseId)
			.query(Long.class)
			.single()).isEqualTo(1);

		// an incomplete draft sent to signing is kept (nothing typed is lost), and the
		// token may then sign it
		String next = token(browser.get("/cases/" + caseId).body());
		var incomplete = browser.post("/cases/" + caseId + "/journal",
				Map.of("idempotencyToken", next, "note", "Bara text hittills", "action", "sign"));
		assertThat(incomplete.statusCode()).isEqualTo(200);
		assertThat(incomplete.body()).contains("Välj kanal").contains("Bara text hittills");
		assertThat(token(incomplete.body())).isEqualTo(next);
		assertThat(jdbc.sql("SELECT note FROM casework.journal_entries WHERE case_id = ? AND signed_at IS NULL")
			.param(caseId)
			.query(String.class)
			.single()).isEqualTo("Bara text hittills");
		var complete = browser.post("/cases/" + caseId + "/journal",
				Map.of("idempotencyToken", next, "date", "2026-01-13", "kind", "counselling", "channel", "phone",
						"minutes", "20", "note", "Bara text hittills", "action", "sign"));
		assertThat(complete.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT count(*) FROM casework.journal_entries WHERE case_id = ? AND signed_at IS NOT NULL")
			.param(caseId)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void shouldLetOnePersonCloseATaskAndTellTheOthers() throws Exception {
		List<String> users = List.of(createUser("close-a", List.of("CASEWORKER"), List.of("RK_BARN")),
				createUser("close-b", List.of("CASEWORKER"), List.of("RK_BARN")),
				createUser("close-c", List.of("CASEWORKER"), List.of("RK_BARN")),
				createUser("close-d", List.of("MANAGER"), List.of("RK_BARN")));
		List<String> bearers = users.stream().map(u -> token(u, USER_PASSWORD)).toList();
		long task = childTask(bearers.getFirst(), "contact_guardians");

		List<HttpResponse<String>> answers = together(4, i -> http().json("POST", "/api/v1/tasks/" + task + "/done",
				"{\"doneOn\":\"" + TODAY + "\",\"doneTo\":\"Vårdnadshavare, samtal " + i + "\"}", bearers.get(i)));

		assertThat(answers.stream().filter(a -> a.statusCode() == 200)).hasSize(1);
		String winner = users
			.get(answers.indexOf(answers.stream().filter(a -> a.statusCode() == 200).findFirst().orElseThrow()));
		assertThat(answers.stream().filter(a -> a.statusCode() == 409)).hasSize(3)
			.allSatisfy(a -> assertThat(a.body()).contains("Uppgiften hann markeras som klar av " + winner)
				.contains("\"doneBy\":\"" + winner + "\""));
		assertThat(jdbc.sql("SELECT done_by FROM casework.tasks WHERE id = ?").param(task).query(String.class).single())
			.isEqualTo(winner);
		assertThat(audit().subject("task", task).actors()).containsExactly(winner);
	}

	@Test
	void shouldTellTheSecondPersonOnTheTaskPageThatAColleagueWasFirst() throws Exception {
		String anna = createUser("page-a", List.of("CASEWORKER"), List.of("RK_BARN"));
		String bo = createUser("page-b", List.of("CASEWORKER"), List.of("RK_BARN"));
		long task = childTask(token(anna, USER_PASSWORD), "concern_report");
		var annas = http();
		annas.login(anna, USER_PASSWORD);
		var bos = http();
		bos.login(bo, USER_PASSWORD);
		String annaToken = token(annas.get("/tasks/" + task).body());
		String boToken = token(bos.get("/tasks/" + task).body());

		List<HttpResponse<String>> answers = together(2,
				i -> (i == 0 ? annas : bos).post("/tasks/" + task,
						Map.of("idempotencyToken", i == 0 ? annaToken : boToken, "doneOn", TODAY, "doneTo",
								i == 0 ? "Socialtjänsten i Huddinge" : "Huddinge kommun")));

		var won = answers.stream().filter(a -> a.statusCode() == 302).toList();
		var lost = answers.stream().filter(a -> a.statusCode() == 409).toList();
		assertThat(won).hasSize(1);
		assertThat(lost).hasSize(1);
		String winner = jdbc.sql("SELECT done_by FROM casework.tasks WHERE id = ?")
			.param(task)
			.query(String.class)
			.single();
		assertThat(lost.getFirst().body()).contains("Uppgiften hann markeras som klar av " + winner)
			.contains("Det du skrev sparades inte")
			.doesNotContain("Markera som klar</button>");
		assertThat(audit().subject("task", task).count()).isEqualTo(1);

		// the winner's double tap is not an error: it goes where the first answer went
		var repeat = (winner.equals(anna) ? annas : bos).post("/tasks/" + task, Map.of("idempotencyToken",
				winner.equals(anna) ? annaToken : boToken, "doneOn", TODAY, "doneTo", "igen"));
		assertThat(repeat.statusCode()).isEqualTo(302);
		assertThat(Http.location(repeat)).endsWith("/");
	}

	@Test
	void shouldCreatePeopleCasesReferralsAndEntriesOnceForOneIdempotencyKey() throws Exception {
		String user = createUser("keys", List.of("CASEWORKER"), List.of("KAST"));
		String bearer = token(user, USER_PASSWORD);
		String alias = "Alias-" + Numbers.suffix();
		String person = """
				{"alias":"%s","birthYear":"1991","gender":"female","unit":"KAST"}""".formatted(alias);

		var people = twice("/api/v1/people", person, bearer);
		long personId = id(people.getFirst().body());
		assertThat(jdbc.sql("SELECT count(*) FROM casework.persons WHERE alias = ?")
			.param(alias)
			.query(Long.class)
			.single()).isEqualTo(1);

		String caseJson = """
				{"unit":"KAST","kind":"kast_counselling","openedOn":"2026-01-05","reason":"Stöd","people":[{"personId":%d,"role":"exposed"}]}"""
			.formatted(personId);
		var cases = twice("/api/v1/cases", caseJson, bearer);
		long caseId = id(cases.getFirst().body());
		assertThat(jdbc.sql("SELECT count(*) FROM casework.case_people WHERE person_id = ?")
			.param(personId)
			.query(Long.class)
			.single()).isEqualTo(1);

		var entries = twice("/api/v1/cases/" + caseId + "/journal",
				"""
						{"date":"2026-01-12","kind":"counselling","channel":"phone","minutes":30,"note":"Samtal","sign":true}""",
				bearer);
		assertThat(entries.getLast().body()).contains("\"note\":\"Samtal\"").contains("\"status\":\"signed\"");
		assertThat(jdbc.sql("SELECT count(*) FROM casework.journal_entries WHERE case_id = ?")
			.param(caseId)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM idempotency.request_keys WHERE username = ? AND body LIKE '%Samtal%'")
			.param(user)
			.query(Long.class)
			.single()).as("no note kept beside the key").isZero();

		twice("/api/v1/cases/" + caseId + "/referrals", """
				{"targetKind":"unit","unit":"MIKA","summary":"Överlämning"}""", bearer);
		assertThat(jdbc.sql("SELECT count(*) FROM casework.referrals WHERE case_id = ?")
			.param(caseId)
			.query(Long.class)
			.single()).isEqualTo(1);

		twice("/api/v1/region/consultations", """
				{"date":"%s","municipality":"0126","unit":"KAST","channel":"phone","topic":"other","minutes":15}"""
			.formatted(TODAY), bearer);
		assertThat(jdbc.sql("SELECT count(*) FROM region.consultations WHERE recorded_by = ?")
			.param(user)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void shouldRegisterAPersonOnceWhenTheFormIsSentTwice() {
		String user = createUser("personform", List.of("CASEWORKER"), List.of("KAST"));
		var browser = http();
		browser.login(user, USER_PASSWORD);
		String token = token(browser.get("/people/new").body());
		String alias = "Alias-" + Numbers.suffix();
		var form = new LinkedHashMap<String, String>();
		form.put("idempotencyToken", token);
		form.put("kind", "anonymous");
		form.put("alias", alias);
		form.put("birthYear", "1993");
		form.put("gender", "female");
		form.put("unit", "KAST");

		List<HttpResponse<String>> answers = List.of(browser.post("/people", form), browser.post("/people", form));

		assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(302));
		assertThat(Http.location(answers.get(1))).isEqualTo(Http.location(answers.get(0)));
		assertThat(jdbc.sql("SELECT count(*) FROM casework.persons WHERE alias = ?")
			.param(alias)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void shouldGrantEmergencyAccessOnceWhenTheFormIsSentTwice() {
		String mika = token(createUser("owner", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);
		String night = createUser("night", List.of("CASEWORKER"), List.of("SOCIALJOUREN"));
		String number = Numbers.personnummer();
		long person = id(http()
			.json("POST", "/api/v1/people",
					"""
							{"personalNumber":"%s","name":"Nora Berg-%s","gender":"female","unit":"MIKA"}"""
						.formatted(number, Numbers.suffix()),
					mika)
			.body());
		var browser = http();
		browser.login(night, USER_PASSWORD);
		String token = token(browser.get("/emergency").body());
		var form = Map.of("idempotencyToken", token, "personalNumber", number, "reason",
				"Personen är hos Socialjouren i natt och behöver skyddat boende");

		var first = browser.post("/emergency", form);
		var again = browser.post("/emergency", form);

		assertThat(Http.location(first)).endsWith("/people/" + person);
		assertThat(Http.location(again)).isEqualTo(Http.location(first));
		assertThat(jdbc.sql("SELECT count(*) FROM casework.emergency_access WHERE username = ?")
			.param(night)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT location FROM idempotency.request_keys WHERE username = ?")
			.param(night)
			.query(String.class)
			.single()).isEqualTo("/people/" + person).doesNotContain(number.substring(0, 6));
	}

	/**
	 * The same request twice with one key: the same status, Location and body, one
	 * record.
	 */
	private List<HttpResponse<String>> twice(String path, String json, String bearer) {
		var key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
		var first = http().json("POST", path, json, bearer, key);
		var second = http().json("POST", path, json, bearer, key);
		assertThat(first.statusCode()).as(path + " " + first.body()).isEqualTo(201);
		assertThat(second.statusCode()).as(path).isEqualTo(first.statusCode());
		assertThat(second.body()).as(path).isEqualTo(first.body());
		assertThat(second.headers().firstValue("Location")).as(path).isEqualTo(first.headers().firstValue("Location"));
		assertThat(second.headers().firstValue("Idempotent-Replayed")).as(path).hasValue("true");
		return List.of(first, second);
	}

	private long signedEntry(String bearer, long caseId) {
		return id(http().json("POST", "/api/v1/cases/" + caseId + "/journal",
				"""
						{"date":"2026-02-03","kind":"counselling","channel":"in_person","minutes":60,"note":"Samtal","sign":true}""",
				bearer)
			.body());
	}

	/** A shift where a child was met: the unit's task of the kind. */
	private long childTask(String bearer, String kind) {
		var shift = http().json("POST", "/api/v1/outreach/shifts", """
				{"date":"%s","kind":"own","arena":"street","municipality":"0180","units":["RK_BARN"],
				 "encounters":[{"role":"exposed","gender":"female","age":15,"minor":"yes","home_municipality":"0126",
				                "support_offered":true,"offered_by":"RK_BARN","accepted":"unknown"}]}"""
			.formatted(TODAY), bearer);
		long shiftId = id(shift.body());
		return jdbc.sql("SELECT id FROM casework.tasks WHERE shift_id = ? AND kind = ?")
			.params(shiftId, kind)
			.query(Long.class)
			.single();
	}

	private static String token(String page) {
		Matcher m = TOKEN.matcher(page);
		assertThat(m.find()).as("the form carries an idempotency token").isTrue();
		return m.group(1);
	}

}
