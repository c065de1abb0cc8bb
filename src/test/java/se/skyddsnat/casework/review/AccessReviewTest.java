package se.skyddsnat.casework.review;

import static se.skyddsnat.support.Json.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;
import se.skyddsnat.casework.Numbers;

/**
 * Access-log review (loggkontroll): a unit's manager sees who read a person and the
 * person's case, when and why, and what a user opened; another unit's manager finds
 * nothing; caseworkers may not review. Emergency access to a person of the unit is
 * flagged on the manager's start page until the manager marks it reviewed, which is
 * audited.
 */
class AccessReviewTest extends IntegrationTest {

	private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");

	@Test
	void shouldShowTheManagerWhoReadAPersonAndWhatAUserOpened() {
		String unit = newUnit();
		String worker = createUser("cw", List.of("CASEWORKER"), List.of(unit));
		String manager = createUser("chef", List.of("MANAGER"), List.of(unit));
		String otherManager = createUser("chef", List.of("MANAGER"), List.of("KAST"));
		String workerToken = token(worker, USER_PASSWORD);
		long person = id(http()
			.json("POST", "/api/v1/people",
					"""
							{"personalNumber":"%s","name":"Tove Lund-%s","gender":"female","unit":"%s"}"""
						.formatted(Numbers.personnummer(), Numbers.suffix(), unit),
					workerToken)
			.body());
		long caseId = id(http().json("POST", "/api/v1/cases", """
				{"unit":"%s","kind":"mika_support","openedOn":"2026-03-02","reason":"Vill ha stöd",
				 "people":[{"personId":%d,"role":"exposed"}]}""".formatted(unit, person), workerToken).body());
		assertThat(http().json("GET", "/api/v1/people/" + person, null, workerToken).statusCode()).isEqualTo(200);
		assertThat(http().json("GET", "/api/v1/cases/" + caseId, null, workerToken).statusCode()).isEqualTo(200);

		var browser = http();
		browser.login(manager, USER_PASSWORD);
		assertThat(browser.get("/people/" + person).body()).contains("/casework/review/person/" + person);
		var page = browser.get("/casework/review/person/" + person);
		assertThat(page.statusCode()).isEqualTo(200);
		String log = table(page.body(), "review-log");
		// issue 11: the worker by display name, not user name
		assertThat(log).contains(">Test cw<")
			.doesNotContain(">" + worker + "<")
			.contains(">visning<")
			.contains("Ärende " + caseId)
			.contains("Person " + person)
			.contains(">Läsning<")
			.contains(">Ändring<");
		assertThat(DATE_TIME.matcher(log).find()).isTrue();
		assertThat(page.body()).doesNotContain("Tove Lund");

		String managerToken = token(manager, USER_PASSWORD);
		String json = http().json("GET", "/api/v1/casework/review/person/" + person, null, managerToken).body();
		assertThat(json).contains("\"user\":\"" + worker + "\"")
			.contains("\"purpose\":\"view\"")
			.contains("\"subjectType\":\"case\",\"subjectId\":\"" + caseId + "\"")
			.contains("\"time\":\"20");
		// looking at the review is itself a read of the person, with its purpose
		assertThat(purposes(manager, "person", person)).contains("access-log review");

		// what the caseworker opened, for the period that includes today; nothing in a
		// period in the future
		var userPage = browser.get("/casework/review/user/" + worker);
		assertThat(table(userPage.body(), "review-log")).contains("Person " + person)
			.contains("Ärende " + caseId)
			.contains(">visning<")
			.doesNotContain(">" + manager + "<");
		assertThat(browser.get("/casework/review/user/" + worker + "?from=2099-01-01").body())
			.contains("Inga läsningar eller ändringar under perioden.");
		assertThat(browser.get("/casework/review/user/" + worker + "?from=2026-05-01&to=2026-04-01").body())
			.contains("Slutdatumet kan inte vara före startdatumet.");
		assertThat(http().json("GET", "/api/v1/casework/review/user/" + worker, null, managerToken).body())
			.contains("\"ownUnitsOnly\":true")
			.contains("\"subjectId\":\"" + caseId + "\"");
		assertThat(http().json("GET", "/api/v1/casework/review/user/" + worker + "?to=nonsense", null, managerToken)
			.statusCode()).isEqualTo(400);

		// another unit's manager: the person does not exist, and the user's log shows
		// nothing of this unit
		var other = http();
		other.login(otherManager, USER_PASSWORD);
		assertThat(other.get("/casework/review/person/" + person).statusCode()).isEqualTo(404);
		String otherToken = token(otherManager, USER_PASSWORD);
		assertThat(http().json("GET", "/api/v1/casework/review/person/" + person, null, otherToken).statusCode())
			.isEqualTo(404);
		assertThat(other.get("/casework/review/user/" + worker).body()).doesNotContain("Person " + person)
			.doesNotContain("Ärende " + caseId);

		// ADMIN reviews the log but is not shown the emergency reasons (case content)
		String adminJson = http()
			.json("GET", "/api/v1/casework/review/person/" + person, null, token(ADMIN, ADMIN_PASSWORD))
			.body();
		assertThat(adminJson).contains("\"user\":\"" + worker + "\"").contains("\"emergencyAccesses\":[]");
	}

	@Test
	void shouldRefuseCaseworkersTheReviewPages() {
		String unit = newUnit();
		String worker = createUser("cw", List.of("CASEWORKER"), List.of(unit));
		long person = id(http().json("POST", "/api/v1/people", """
				{"alias":"Mira","gender":"female","unit":"%s"}""".formatted(unit), token(worker, USER_PASSWORD))
			.body());
		var browser = http();
		browser.login(worker, USER_PASSWORD);
		assertThat(browser.get("/casework/review/person/" + person).statusCode()).isEqualTo(403);
		assertThat(browser.get("/casework/review/user/" + worker).statusCode()).isEqualTo(403);
		assertThat(browser.get("/casework/review/emergency").statusCode()).isEqualTo(403);
		String token = token(worker, USER_PASSWORD);
		assertThat(http().json("GET", "/api/v1/casework/review/person/" + person, null, token).statusCode())
			.isEqualTo(403);
		assertThat(http().json("GET", "/api/v1/casework/review/emergency", null, token).statusCode()).isEqualTo(403);
		assertThat(http().json("POST", "/api/v1/casework/review/emergency/1/reviewed", "{}", token).statusCode())
			.isEqualTo(403);
	}

	@Test
	void shouldFlagEmergencyAccessToTheManagerUntilMarkedReviewed() {
		String unit = newUnit();
		String worker = createUser("cw", List.of("CASEWORKER"), List.of(unit));
		String manager = createUser("chef", List.of("MANAGER"), List.of(unit));
		String night = createUser("jour", List.of("CASEWORKER"), List.of("SOCIALJOUREN"));
		String number = Numbers.personnummer();
		long person = id(http()
			.json("POST", "/api/v1/people",
					"""
							{"personalNumber":"%s","name":"Ida Strand-%s","gender":"female","unit":"%s"}"""
						.formatted(number, Numbers.suffix(), unit),
					token(worker, USER_PASSWORD))
			.body());

		var nightBrowser = http();
		nightBrowser.login(night, USER_PASSWORD);
		nightBrowser.get("/emergency");
		String reason = "Personen är hos Socialjouren i natt och behöver skyddat boende";
		assertThat(Http.location(nightBrowser.post("/emergency", Map.of("personalNumber", number, "reason", reason))))
			.endsWith("/people/" + person);
		long grant = jdbc.sql("SELECT id FROM casework.emergency_access WHERE username = ? AND person_id = ?")
			.params(night, person)
			.query(Long.class)
			.single();

		var browser = http();
		browser.login(manager, USER_PASSWORD);
		assertThat(browser.get("/").body()).contains("Nödåtkomst att granska: 1")
			.contains("href=\"/casework/review/emergency\"");
		String list = table(browser.get("/casework/review/emergency").body(), "emergency-accesses");
		assertThat(list).contains(">" + night + "<")
			.contains(reason)
			.contains("Ej granskad")
			.contains("Pågår")
			.contains("Person " + person + " (" + unit + ")")
			.contains("for=\"note-" + grant + "\"");
		String managerToken = token(manager, USER_PASSWORD);
		assertThat(http().json("GET", "/api/v1/casework/review/emergency", null, managerToken).body())
			.contains("\"id\":" + grant + ",")
			.contains("\"user\":\"" + night + "\"")
			.contains("\"reviewed\":false");
		// the person's log shows the emergency read and its reason
		var personReview = browser.get("/casework/review/person/" + person).body();
		// issue 11: the worker by display name in the log
		assertThat(table(personReview, "review-log")).contains(">Test jour<").contains(">nödåtkomst<");
		assertThat(table(personReview, "person-emergency")).contains(reason);

		var marked = browser.post("/casework/review/emergency/" + grant + "/reviewed",
				Map.of("note", "Skälet håller, kontrollerat med Socialjouren"));
		assertThat(Http.location(marked)).endsWith("/casework/review/emergency");
		assertThat(browser.get("/").body()).doesNotContain("Nödåtkomst att granska");
		assertThat(browser.get("/casework/review/emergency").body()).contains("Nödåtkomsten är markerad som granskad.")
			.contains("Granskad av " + manager)
			.contains("Skälet håller");
		assertThat(audit().by(manager).kind("CHANGE").subject("emergency_access", grant).count()).isEqualTo(1);
		assertThat(http().json("POST", "/api/v1/casework/review/emergency/" + grant + "/reviewed", "{}", managerToken)
			.body()).contains("Nödåtkomsten är redan granskad.");
		// the marking shows in the person's log too
		assertThat(table(browser.get("/casework/review/person/" + person).body(), "review-log"))
			.contains("Nödåtkomst " + grant)
			.contains(">Test chef<"); // issue 11: by display name
		// a manager of another unit does not see it, nor may mark it
		String otherManager = token(createUser("chef", List.of("MANAGER"), List.of("KAST")), USER_PASSWORD);
		assertThat(http().json("GET", "/api/v1/casework/review/emergency", null, otherManager).body())
			.doesNotContain("\"id\":" + grant + ",");
		assertThat(http().json("POST", "/api/v1/casework/review/emergency/" + grant + "/reviewed", "{}", otherManager)
			.statusCode()).isEqualTo(404);
	}

	/**
	 * A unit of its own, so that the manager's start page counts this test's emergency
	 * accesses only.
	 */
	private String newUnit() {
		String code = "REV_" + Numbers.suffix().toUpperCase(Locale.ROOT);
		jdbc.sql("INSERT INTO identity.units (code, name) VALUES (?, ?)")
			.params(code, "Granskningsenhet " + code)
			.update();
		return code;
	}

	private List<String> purposes(String actor, String type, long id) {
		return audit().by(actor).kind("READ").subject(type, id).purposes();
	}

	/**
	 * The HTML of one table on a page, so that assertions do not match the page's other
	 * text.
	 */
	private static String table(String html, String id) {
		int start = html.indexOf("id=\"" + id + "\"");
		assertThat(start).as("table " + id).isGreaterThanOrEqualTo(0);
		return html.substring(start, html.indexOf("</table>", start));
	}

}
