package se.skyddsnat.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/**
 * Issue 11, "who and what": the start page's reminders name the case by its person and
 * what is due ("Skyddad identitet" for a protected one), the case list shows people,
 * kind, the responsible worker by display name, status and the last journal day, sorts
 * and filters, and "Mina ärenden" lists the worker's own open cases.
 */
class WhoAndWhatTest extends IntegrationTest {

	@Autowired
	private Clock clock;

	@Test
	void shouldNameTheCaseByItsPersonAndWhatIsDueInAReminder() {
		String worker = createUser("rkvem", List.of("CASEWORKER"), List.of("RK_VUXNA"));
		String token = token(worker, USER_PASSWORD);
		LocalDate today = LocalDate.now(clock);
		String alias = "Amira-" + Numbers.suffix();
		long named = caseOf(token, "RK_VUXNA", "trafficking", person(token, alias, "none", "RK_VUXNA"));
		long hidden = caseOf(token, "RK_VUXNA", "trafficking",
				person(token, "Dold-" + Numbers.suffix(), "protected_registration", "RK_VUXNA"));
		LocalDate until = today.plusDays(3);
		LocalDate hiddenUntil = today.plusDays(4);
		permit(token, named, until);
		permit(token, hidden, hiddenUntil);

		var browser = http();
		browser.login(worker, USER_PASSWORD);
		String home = browser.get("/").body();
		assertThat(home).contains(alias + " (alias): uppehållstillstånd löper ut " + until)
			.contains("Skyddad identitet: uppehållstillstånd löper ut " + hiddenUntil)
			.doesNotContain("Dold-")
			.doesNotContain("ärende " + named);
		assertThat(home).doesNotContainPattern("för ärende \\d+");
	}

	@Test
	void shouldListCasesWithTheirPeopleSortedFilteredAndMasked() {
		String worker = createUser("mikavem", List.of("CASEWORKER"), List.of("MIKA"));
		String token = token(worker, USER_PASSWORD);
		String alias = "Bea-" + Numbers.suffix();
		long open = caseOf(token, "MIKA", "mika_support", person(token, alias, "none", "MIKA"));
		long hidden = caseOf(token, "MIKA", "mika_support",
				person(token, "Hemlig-" + Numbers.suffix(), "protected_registration", "MIKA"));
		long closed = caseOf(token, "MIKA", "mika_support", person(token, "Cilla-" + Numbers.suffix(), "none", "MIKA"));
		var journal = http().json("POST", "/api/v1/cases/" + open + "/journal", """
				{"date":"%s","kind":"support_talk","channel":"in_person","minutes":30,"note":"Samtal","sign":true}"""
			.formatted(LocalDate.now(clock).minusDays(2)), token);
		assertThat(journal.statusCode()).as(journal.body()).isIn(200, 201);
		Http browser = http();
		browser.login(worker, USER_PASSWORD);
		browser.get("/cases/" + closed);
		var close = browser.post("/cases/" + closed + "/close",
				java.util.Map.of("closedOn", LocalDate.now(clock).toString(), "outcome", "other"));
		assertThat(close.statusCode()).as(close.body()).isEqualTo(302);
		String list = browser.get("/cases").body();
		assertThat(row(list, open)).contains(alias + " (alias)")
			.contains("Stöd (Mikamottagningen)")
			.contains("Test mikavem")
			.doesNotContain(worker)
			.contains("Öppet")
			.contains(LocalDate.now(clock).minusDays(2).toString());
		assertThat(row(list, hidden)).contains("Skyddad identitet");
		assertThat(list).doesNotContain("Hemlig-").doesNotContain("/cases/" + closed + "\"");

		String closedList = browser.get("/cases?status=closed").body();
		assertThat(closedList).contains("/cases/" + closed + "\"").doesNotContain("/cases/" + open + "\"");
		assertThat(row(closedList, closed)).contains("Avslutat");

		// sorted by number ascending: the older case comes first; an unknown key falls
		// back to newest first
		String byNumber = browser.get("/cases?status=all&sort=number").body();
		assertThat(byNumber.indexOf("/cases/" + open + "\"")).isLessThan(byNumber.indexOf("/cases/" + closed + "\""));
		assertThat(byNumber).contains("aria-sort=\"ascending\"");
		var hostile = browser.get("/cases?status=all&sort=c.id;DROP%20TABLE");
		assertThat(hostile.statusCode()).isEqualTo(200);
		assertThat(hostile.body()).contains("/cases/" + open + "\"");

		// Mina ärenden on the start page: the worker's own open cases, named by their
		// people
		String home = browser.get("/").body();
		assertThat(home).contains("Mina ärenden")
			.contains(alias + " (alias)")
			.contains("Skyddad identitet")
			.doesNotContain("Hemlig-");
		var colleague = http();
		colleague.login(createUser("mikaannan", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);
		assertThat(colleague.get("/").body()).contains("Mina ärenden").doesNotContain(alias + " (alias)");
	}

	/**
	 * Issue 11: a Stödcentrum case does not offer "Har lämnat prostitution"; the outcomes
	 * fit the kind of case.
	 */
	@Test
	void shouldOfferOnlyOutcomesThatFitTheKindOfCase() {
		String stod = createUser("stodvem", List.of("CASEWORKER"), List.of("STODCENTRUM"));
		String token = token(stod, USER_PASSWORD);
		long young = caseOf(token, "STODCENTRUM", "stodcentrum_support",
				person(token, "Ung-" + Numbers.suffix(), "none", "STODCENTRUM"));
		Http browser = http();
		browser.login(stod, USER_PASSWORD);
		String page = browser.get("/cases/" + young).body();
		assertThat(page).contains("value=\"referred_on\"")
			.doesNotContain("value=\"left_prostitution\"")
			.doesNotContain("Har lämnat prostitution");
		var refused = browser.post("/cases/" + young + "/close",
				java.util.Map.of("closedOn", LocalDate.now(clock).toString(), "outcome", "left_prostitution"));
		assertThat(refused.statusCode()).isIn(200, 400, 422);
		assertThat(refused.body()).contains("Utfallet passar inte den här typen av ärende.");
		assertThat(jdbc.sql("SELECT status FROM casework.cases WHERE id = ?").param(young).query(String.class).single())
			.isEqualTo("open");

		String mika = createUser("mikautfall", List.of("CASEWORKER"), List.of("MIKA"));
		String mikaToken = token(mika, USER_PASSWORD);
		long support = caseOf(mikaToken, "MIKA", "mika_support",
				person(mikaToken, "Stöd-" + Numbers.suffix(), "none", "MIKA"));
		Http mikaBrowser = http();
		mikaBrowser.login(mika, USER_PASSWORD);
		assertThat(mikaBrowser.get("/cases/" + support).body()).contains("value=\"left_prostitution\"");
	}

	/**
	 * Issue 11: municipalities and units by name where a person reads them; municipality
	 * lists by name.
	 */
	@Test
	void shouldNameMunicipalitiesAndUnitsAndListMunicipalitiesByName() {
		String worker = createUser("mikanamn", List.of("CASEWORKER"), List.of("MIKA"));
		String token = token(worker, USER_PASSWORD);
		var created = http().json("POST", "/api/v1/people", """
				{"alias":"Hem-%s","gender":"female","homeMunicipality":"0127","unit":"MIKA"}"""
			.formatted(Numbers.suffix()), token);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		long person = id(created.body());
		var shift = http().json("POST", "/api/v1/outreach/shifts", """
				{"date":"%s","kind":"own","arena":"street","municipality":"0126","units":["MIKA"],
				 "encounters":[{"role":"exposed","gender":"female","age":30,"minor":"no","home_municipality":"0127",
				                "support_offered":false,"accepted":"no"}]}""".formatted(LocalDate.now(clock)), token);
		assertThat(shift.statusCode()).as(shift.body()).isEqualTo(201);
		long shiftId = id(shift.body());

		Http browser = http();
		browser.login(worker, USER_PASSWORD);
		String personPage = browser.get("/people/" + person).body();
		assertThat(personPage).contains("<dd>Botkyrka</dd>")
			.contains("<dd>Mikamottagningen</dd>")
			.doesNotContain("<dd>0127</dd>")
			.doesNotContain("<dd>MIKA</dd>");
		String shiftPage = browser.get("/outreach/shifts/" + shiftId).body();
		assertThat(shiftPage).contains("<dd>Huddinge</dd>")
			.contains("<dd>Mikamottagningen</dd>")
			.doesNotContain("<dd>0126</dd>");
		String municipalities = browser.get("/municipalities").body();
		assertThat(municipalities.indexOf(">Botkyrka<")).isPositive()
			.isLessThan(municipalities.indexOf(">Upplands Väsby<"));
		assertThat(municipalities.indexOf(">Värmdö<")).isLessThan(municipalities.indexOf(">Österåker<"));
		String home = browser.get("/").body();
		assertThat(home).contains("<li>Mikamottagningen</li>");
	}

	private static String row(String page, long caseId) {
		var m = Pattern.compile("<tr>\\s*<th scope=\"row\"><a href=\"/cases/" + caseId + "\">.*?</tr>", Pattern.DOTALL)
			.matcher(page);
		assertThat(m.find())
			.as("a row for case " + caseId + " in " + page.substring(Math.max(0, page.indexOf("<table"))))
			.isTrue();
		return m.group();
	}

	private long person(String token, String alias, String protection, String unit) {
		var response = http().json("POST", "/api/v1/people", """
				{"alias":"%s","gender":"female","protection":"%s","unit":"%s"}""".formatted(alias, protection, unit),
				token);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return id(response.body());
	}

	private long caseOf(String token, String unit, String kind, long person) {
		var response = http().json("POST", "/api/v1/cases", """
				{"unit":"%s","kind":"%s","openedOn":"2026-01-05","reason":"Stöd",
				 "people":[{"personId":%d,"role":"exposed"}]}""".formatted(unit, kind, person), token);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return id(response.body());
	}

	private void permit(String token, long caseId, LocalDate until) {
		var response = http().json("POST", "/api/v1/cases/" + caseId + "/track/permits", """
				{"kind":"temporary_permit","appliedOn":"%s","decision":"granted","decidedOn":"%s","validUntil":"%s"}"""
			.formatted(until.minusDays(60), until.minusDays(50), until), token);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

	private static long id(String body) {
		var m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(body);
		assertThat(m.find()).as(body).isTrue();
		return Long.parseLong(m.group(1));
	}

}
