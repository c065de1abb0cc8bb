package se.skyddsnat.idempotency;

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

/**
 * A form sent twice is saved once, and so is an API request sent twice with the same
 * Idempotency-Key: one after the other (double tap, back and send again) and at the same
 * time (threads released together by a latch, over real HTTP, against the real database).
 */
class IdempotencyTest extends IntegrationTest {

	static final Pattern TOKEN = Pattern.compile("name=\"idempotencyToken\" value=\"([^\"]+)\"");

	private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();

	@Test
	void shouldSaveTheShiftFormOnceWhenTheSameFormIsSentTwice() {
		String user = createUser("twice", List.of("CASEWORKER"), List.of("RK_BARN"));
		var browser = http();
		browser.login(user, USER_PASSWORD);
		String token = token(browser.get("/outreach/shifts/new").body());
		var form = shiftForm(token);

		// a mistake first: the form comes back with its errors and the same token
		var wrong = browser.post("/outreach/shifts", with(with(form, "date", "2099-01-01"), "action", "review"));
		assertThat(wrong.body()).contains("Datumet ligger i framtiden");
		assertThat(token(wrong.body())).isEqualTo(token);
		var review = browser.post("/outreach/shifts", with(form, "action", "review"));
		assertThat(token(review.body())).isEqualTo(token);

		var first = browser.post("/outreach/shifts", with(form, "action", "save"));
		var again = browser.post("/outreach/shifts", with(form, "action", "save"));

		assertThat(Http.location(first)).matches(".*/outreach/shifts/\\d+").doesNotContain("idempotencyToken");
		assertThat(Http.location(again)).isEqualTo(Http.location(first));
		// a double tap: the browser shows the second answer, which says what the first
		// one saved
		assertThat(browser.get(path(again)).body()).contains("Passet är sparat. 2 uppgifter")
			.doesNotContain("redan skickats");
		// back and send again, later: it was saved before, nothing is saved now
		var later = browser.post("/outreach/shifts", with(form, "action", "save"));
		assertThat(Http.location(later)).isEqualTo(Http.location(first));
		assertThat(browser.get(path(later)).body()).contains("Det här hade redan skickats och sparades då, en gång")
			.doesNotContain("Passet är sparat");
		assertThat(browser.get(path(later)).body()).doesNotContain("redan skickats").doesNotContain("Passet är sparat");
		assertThat(shifts(user)).isEqualTo(1);
		assertThat(tasks(user)).isEqualTo(2);

		// a new form is a new shift
		String next = token(browser.get("/outreach/shifts/new").body());
		assertThat(next).isNotEqualTo(token);
		assertThat(Http.location(browser.post("/outreach/shifts", with(shiftForm(next), "action", "save"))))
			.isNotEqualTo(Http.location(first));
		assertThat(shifts(user)).isEqualTo(2);
		assertThat(tasks(user)).isEqualTo(4);
	}

	@Test
	void shouldSaveTheShiftFormOnceWhenItIsSentManyTimesAtOnce() throws Exception {
		String user = createUser("burst", List.of("CASEWORKER"), List.of("RK_BARN"));
		var browser = http();
		browser.login(user, USER_PASSWORD);
		String token = token(browser.get("/outreach/shifts/new").body());
		var form = with(shiftForm(token), "action", "save");

		List<HttpResponse<String>> answers = together(6, () -> browser.post("/outreach/shifts", form));

		assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(302));
		assertThat(answers.stream().map(Http::location).distinct().toList()).hasSize(1)
			.allSatisfy(l -> assertThat(l).matches(".*/outreach/shifts/\\d+"));
		assertThat(shifts(user)).isEqualTo(1);
		assertThat(tasks(user)).isEqualTo(2);
		assertThat(audit().by(user).kind("CHANGE").subject("shift").count()).isEqualTo(1);
	}

	@Test
	void shouldAnswerARepeatedApiRequestWithTheFirstResponse() {
		String user = createUser("apikey", List.of("CASEWORKER"), List.of("RK_BARN"));
		String bearer = token(user, USER_PASSWORD);
		String key = UUID.randomUUID().toString();

		var first = post("/api/v1/outreach/shifts", shiftJson("first"), bearer, key);
		var again = post("/api/v1/outreach/shifts", shiftJson("first"), bearer, "\"" + key + "\"");

		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		assertThat(again.statusCode()).isEqualTo(201);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
		assertThat(again.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
		assertThat(shifts(user)).isEqualTo(1);
		assertThat(tasks(user)).isEqualTo(2);

		// without a key every request is its own
		post("/api/v1/outreach/shifts", shiftJson("first"), bearer, null);
		assertThat(shifts(user)).isEqualTo(2);
	}

	@Test
	void shouldCreateOnceWhenManyRequestsWithOneKeyArriveAtOnce() throws Exception {
		String user = createUser("apiburst", List.of("CASEWORKER"), List.of("RK_BARN"));
		String bearer = token(user, USER_PASSWORD);
		String key = UUID.randomUUID().toString();

		List<HttpResponse<String>> answers = together(6,
				() -> post("/api/v1/outreach/shifts", shiftJson("burst"), bearer, key));

		assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(201));
		assertThat(answers.stream().map(HttpResponse::body).distinct().toList()).hasSize(1);
		assertThat(answers.stream().filter(a -> a.headers().firstValue("Idempotent-Replayed").isPresent())).hasSize(5);
		assertThat(shifts(user)).isEqualTo(1);
		assertThat(tasks(user)).isEqualTo(2);
	}

	@Test
	void shouldBindTheKeyToItsUserAndToItsRequest() {
		String anna = createUser("anna", List.of("CASEWORKER"), List.of("RK_BARN"));
		String bo = createUser("bo", List.of("CASEWORKER"), List.of("RK_BARN"));
		String key = UUID.randomUUID().toString();
		var annas = post("/api/v1/outreach/shifts", shiftJson("anna"), token(anna, USER_PASSWORD), key);

		var bos = post("/api/v1/outreach/shifts", shiftJson("anna"), token(bo, USER_PASSWORD), key);
		var otherBody = post("/api/v1/outreach/shifts", shiftJson("another"), token(anna, USER_PASSWORD), key);
		var badKey = post("/api/v1/outreach/shifts", shiftJson("anna"), token(anna, USER_PASSWORD), "ett nyckel");

		assertThat(bos.statusCode()).isEqualTo(201);
		assertThat(bos.body()).isNotEqualTo(annas.body());
		assertThat(bos.headers().firstValue("Idempotent-Replayed")).isEmpty();
		assertThat(shifts(bo)).isEqualTo(1);
		assertThat(otherBody.statusCode()).isEqualTo(422);
		assertThat(otherBody.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(otherBody.body()).contains("Idempotency-Key har redan använts för en annan begäran");
		assertThat(badKey.statusCode()).isEqualTo(400);
		assertThat(badKey.body()).contains("\"field\":\"Idempotency-Key\"");
		assertThat(shifts(anna)).isEqualTo(1);
	}

	@Test
	void shouldForgetAKeyWhenItHasExpired() {
		String user = createUser("expired", List.of("CASEWORKER"), List.of("RK_BARN"));
		String bearer = token(user, USER_PASSWORD);
		String key = UUID.randomUUID().toString();
		var first = post("/api/v1/outreach/shifts", shiftJson("old"), bearer, key);
		assertThat(jdbc.sql("SELECT expires_at - created_at FROM idempotency.request_keys WHERE username = ?")
			.param(user)
			.query(String.class)
			.single()).isEqualTo("1 day");
		jdbc.sql("UPDATE idempotency.request_keys SET created_at = created_at - interval '2 days', "
				+ "expires_at = expires_at - interval '2 days' WHERE username = ?")
			.param(user)
			.update();

		var later = post("/api/v1/outreach/shifts", shiftJson("old"), bearer, key);

		assertThat(later.statusCode()).isEqualTo(201);
		assertThat(later.body()).isNotEqualTo(first.body());
		assertThat(shifts(user)).isEqualTo(2);
	}

	@Test
	void shouldCreateAUserOnceAndShowTheOneTimePasswordOnlyToTheFirstAnswer() {
		var admin = http();
		admin.login(ADMIN, ADMIN_PASSWORD);
		String token = token(admin.get("/admin/users/new").body());
		String username = "ny-" + UUID.randomUUID().toString().substring(0, 8);
		var form = Map.of("idempotencyToken", token, "username", username, "displayName", "Ny Användare", "roles",
				"CASEWORKER", "units", "MIKA");

		var first = admin.post("/admin/users", form);
		var again = admin.post("/admin/users", form);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.body()).contains("Engångslösenord för " + username);
		long id = jdbc.sql("SELECT id FROM identity.users WHERE username = ?")
			.param(username)
			.query(Long.class)
			.single();
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(Http.location(again)).endsWith("/admin/users/" + id);
		assertThat(admin.get(path(again)).body()).contains("Det här hade redan skickats")
			.doesNotContain("Engångslösenord för");
	}

	@Test
	void shouldLogAConsultationOnceWhenTheFormIsSentTwice() {
		String user = createUser("consult", List.of("CASEWORKER"), List.of("KAST"));
		var browser = http();
		browser.login(user, USER_PASSWORD);
		String token = token(browser.get("/region/consultations/new").body());
		var form = Map.of("idempotencyToken", token, "date", TODAY, "municipality", "0126", "unit", "KAST", "channel",
				"phone", "topic", "other", "minutes", "20");

		var first = browser.post("/region/consultations", form);
		var again = browser.post("/region/consultations", form);

		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(Http.location(again)).isEqualTo(Http.location(first));
		assertThat(jdbc.sql("SELECT count(*) FROM region.consultations WHERE recorded_by = ?")
			.param(user)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void shouldDocumentTheHeaderOnTheCreateEndpoints() {
		String docs = http().json("GET", "/v3/api-docs", null, null).body();

		assertThat(docs).contains("\"name\":\"Idempotency-Key\",\"in\":\"header\"")
			.doesNotContain("FormToken")
			.doesNotContain("\"IdempotencyKey\"");
	}

	static String token(String page) {
		Matcher m = TOKEN.matcher(page);
		assertThat(m.find()).as("the form carries an idempotency token").isTrue();
		return m.group(1);
	}

	HttpResponse<String> post(String path, String json, String bearer, String key) {
		return http().json("POST", path, json, bearer, key == null ? Map.of() : Map.of("Idempotency-Key", key));
	}

	private long shifts(String user) {
		return jdbc.sql("SELECT count(*) FROM outreach.shifts WHERE recorded_by = ?")
			.param(user)
			.query(Long.class)
			.single();
	}

	private long tasks(String user) {
		return jdbc
			.sql("SELECT count(*) FROM casework.tasks t JOIN outreach.shifts s ON s.id = t.shift_id "
					+ "WHERE s.recorded_by = ?")
			.param(user)
			.query(Long.class)
			.single();
	}

	private static String path(HttpResponse<?> redirect) {
		return Http.location(redirect).replaceFirst("^https?://[^/]+", "");
	}

	private static String shiftJson(String notes) {
		return """
				{"date":"%s","kind":"joint","police_operation":"raid","arena":"apartment","municipality":"0180",
				 "units":["RK_BARN"],"notes":"%s",
				 "encounters":[{"role":"exposed","gender":"female","age":16,"minor":"yes","home_municipality":"0126",
				                "support_offered":true,"offered_by":"RK_BARN","accepted":"unknown"}]}"""
			.formatted(TODAY, notes);
	}

	/** A joint raid where a girl of 16 was met: two tasks for Ungdomsjouren. */
	private static Map<String, String> shiftForm(String token) {
		var form = new LinkedHashMap<String, String>();
		form.put("idempotencyToken", token);
		form.put("date", TODAY);
		form.put("kind", "joint");
		form.put("policeOperation", "raid");
		form.put("arena", "apartment");
		form.put("municipality", "0180");
		form.put("units", "RK_BARN");
		form.put("encounters[0].role", "exposed");
		form.put("encounters[0].gender", "female");
		form.put("encounters[0].age", "16");
		form.put("encounters[0].minor", "yes");
		form.put("encounters[0].home", "0126");
		form.put("encounters[0].supportOffered", "yes");
		form.put("encounters[0].offeredBy", "RK_BARN");
		form.put("encounters[0].accepted", "unknown");
		return form;
	}

	static Map<String, String> with(Map<String, String> form, String key, String value) {
		var copy = new LinkedHashMap<>(form);
		copy.put(key, value);
		return copy;
	}

}
