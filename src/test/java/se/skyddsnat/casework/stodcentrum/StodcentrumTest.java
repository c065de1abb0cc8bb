package se.skyddsnat.casework.stodcentrum;

import static se.skyddsnat.support.Json.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.skyddsnat.support.IntegrationTest;
import se.skyddsnat.casework.Numbers;
import se.skyddsnat.casework.journal.JournalTest;

/**
 * Stödcentrum: the fifth support talk forces the choice (on the case page and as the
 * unit's reminder), the age range warns, and the indicators equal what the test counts
 * from the talks it recorded.
 */
class StodcentrumTest extends IntegrationTest {

	@Test
	void shouldForceTheChoiceAfterTheFifthSupportTalkAndRemindTheUnit() {
		String worker = createUser("stod", List.of("CASEWORKER"), List.of("STODCENTRUM"));
		String colleague = createUser("stod", List.of("CASEWORKER"), List.of("STODCENTRUM"));
		String outsider = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String token = token(worker, USER_PASSWORD);
		long caseId = casework(token).openCase("STODCENTRUM", "stodcentrum_support", person(token, "2011", "female"),
				"2026-01-10");

		for (int talk = 1; talk <= 4; talk++) {
			assertThat(talk(token, caseId, "2026-02-0" + talk, 4, false)).contains("\"stodcentrumTalks\":" + talk)
				.contains("\"stodcentrumChoiceRequired\":false");
		}
		// a talk of another kind does not count
		post(token, caseId,
				"""
						{"date":"2026-02-05","kind":"practical_support","channel":"phone","minutes":20,"note":"Hjälp med skolan","sign":true}""");
		assertThat(reminderShown(colleague, caseId)).isFalse();

		// the fifth talk, signed on the page, leads straight to the choice
		var browser = http();
		browser.login(worker, USER_PASSWORD);
		browser.get("/cases/" + caseId);
		var fifth = browser.post("/cases/" + caseId + "/journal",
				Map.of("date", "2026-02-06", "kind", "support_talk", "channel", "in_person", "minutes", "50", "note",
						"Femte samtalet", "satisfaction", "5", "closeRelationsViolence", "no", "action", "sign"));
		assertThat(fifth.headers().firstValue("Location").orElse("")).endsWith("/cases/" + caseId + "#stodcentrum");
		String page = browser.get("/cases/" + caseId).body();
		assertThat(page).contains("5 stödsamtal är signerade. Välj nu hur ärendet ska fortsätta.")
			.contains("Välj hur ärendet ska fortsätta")
			.contains("Signerade stödsamtal: 5 av 5.")
			.contains("Fortsätta med fler stödsamtal")
			.contains("barn- och ungdomspsykiatrin");

		// the unit is reminded, other units are not
		assertThat(reminderShown(colleague, caseId)).isTrue();
		assertThat(reminderShown(outsider, caseId)).isFalse();

		// no sixth support talk before the choice (the draft is kept)
		var sixth = http().json("POST", "/api/v1/cases/" + caseId + "/journal",
				"""
						{"date":"2026-02-07","kind":"support_talk","channel":"phone","minutes":30,"note":"Sjätte","sign":true}""",
				token);
		assertThat(sixth.statusCode()).isEqualTo(400);
		assertThat(sixth.body()).contains("\"field\":\"kind\"").contains("Välj först hur ärendet ska fortsätta");

		// continuing needs a reason
		browser.get("/cases/" + caseId);
		var noReason = browser.post("/cases/" + caseId + "/stodcentrum/choice",
				Map.of("choice", "continue", "reason", ""));
		assertThat(noReason.body()).contains("Skriv skälet till att fortsätta.")
			.contains("href=\"#stodcentrum-reason\"");
		var chosen = browser.post("/cases/" + caseId + "/stodcentrum/choice",
				Map.of("choice", "continue", "reason", "Rättegången är i mars; stödet behövs fram till dess."));
		assertThat(chosen.statusCode()).isEqualTo(302);
		String after = browser.get("/cases/" + caseId).body();
		assertThat(after).contains("Valet är sparat. Ärendet fortsätter.")
			.contains("Fortsätta med fler stödsamtal")
			.contains("efter 5 stödsamtal")
			.doesNotContain("Välj hur ärendet ska fortsätta</h3>");
		assertThat(reminderShown(colleague, caseId)).isFalse();
		assertThat(jdbc.sql("SELECT choice FROM casework.stodcentrum_decisions WHERE case_id = ?")
			.param(caseId)
			.query(String.class)
			.list()).containsExactly("continue");

		// now the sixth talk can be signed
		var signed = http().json("POST", "/api/v1/cases/" + caseId + "/journal", "{\"sign\":true}", token);
		assertThat(signed.statusCode()).isEqualTo(200);
		assertThat(signed.body()).contains("\"status\":\"signed\"").contains("\"stodcentrumTalks\":6");
	}

	@Test
	void shouldCloseTheCaseWhenThatIsTheChoice() {
		String worker = createUser("stod", List.of("CASEWORKER"), List.of("STODCENTRUM"));
		String token = token(worker, USER_PASSWORD);
		long caseId = casework(token).openCase("STODCENTRUM", "stodcentrum_support", person(token, "2012", "male"),
				"2026-01-10");
		for (int talk = 1; talk <= 5; talk++) {
			talk(token, caseId, "2026-03-0" + talk, null, false);
		}
		var refused = http().json("POST", "/api/v1/cases/" + caseId + "/stodcentrum/choice",
				"{\"choice\":\"close\",\"closedOn\":\"2026-03-06\"}", token);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("\"field\":\"outcome\"");
		assertThat(jdbc.sql("SELECT count(*) FROM casework.stodcentrum_decisions WHERE case_id = ?")
			.param(caseId)
			.query(Long.class)
			.single()).isZero();

		var closed = http().json("POST", "/api/v1/cases/" + caseId + "/stodcentrum/choice",
				"{\"choice\":\"close\",\"closedOn\":\"2026-03-06\",\"outcome\":\"no_further_contact\"}", token);
		assertThat(closed.statusCode()).isEqualTo(201);
		assertThat(http().json("GET", "/api/v1/cases/" + caseId, null, token).body()).contains("\"status\":\"closed\"");
		assertThat(http().json("GET", "/api/v1/cases/" + caseId + "/stodcentrum", null, token).body())
			.contains("\"choiceRequired\":false")
			.contains("\"choice\":\"close\"");
	}

	@Test
	void shouldWarnButNotRefuseWhenTheAgeIsOutsideTheRange() {
		String worker = createUser("stod", List.of("CASEWORKER"), List.of("STODCENTRUM"));
		String token = token(worker, USER_PASSWORD);
		long adult = casework(token).openCase("STODCENTRUM", "stodcentrum_support", person(token, "1990", "female"),
				"2026-01-10");
		long young = casework(token).openCase("STODCENTRUM", "stodcentrum_support", person(token, "2012", "female"),
				"2026-01-10");

		var browser = http();
		browser.login(worker, USER_PASSWORD);
		assertThat(browser.get("/cases/" + adult).body()).contains("Den unge var 35–36 år när ärendet öppnades")
			.contains("från 10 till 20 år");
		assertThat(browser.get("/cases/" + young).body()).contains("Signerade stödsamtal: 0 av 5.")
			.doesNotContain("Kontrollera att ärendet hör hit");
		assertThat(http().json("GET", "/api/v1/cases/" + adult + "/stodcentrum", null, token).body())
			.contains("\"ageOutsideRange\":true");
	}

	@Test
	void shouldGiveIndicatorsThatEqualTheCountOfTheRecordedTalks() {
		String worker = createUser("stod", List.of("CASEWORKER"), List.of("STODCENTRUM"));
		String token = token(worker, USER_PASSWORD);
		// the year 2006 belongs to this test alone
		long anna = casework(token).openCase("STODCENTRUM", "stodcentrum_support", person(token, "1992", "female"),
				"2006-01-02");
		long bea = casework(token).openCase("STODCENTRUM", "stodcentrum_support", person(token, "1991", "female"),
				"2006-01-02");
		long carl = casework(token).openCase("STODCENTRUM", "stodcentrum_support", person(token, "1993", "male"),
				"2006-01-02");
		long dan = casework(token).openCase("STODCENTRUM", "stodcentrum_support", person(token, "1990", "male"),
				"2006-01-02");

		Integer[] ratings = { 5, 4, 2, null, 3, 5, 1, 4, null, 5 };
		long[] cases = { anna, anna, anna, bea, bea, carl, carl, dan, dan, dan };
		boolean[] violence = { true, true, false, true, false, false, true, false, false, false };
		var rated = new ArrayList<Integer>();
		for (int i = 0; i < ratings.length; i++) {
			talk(token, cases[i], "2006-0" + (i % 9 + 1) + "-15", ratings[i], violence[i]);
			if (ratings[i] != null) {
				rated.add(ratings[i]);
			}
		}
		// a corrected talk counts once, as its correction: Dan's 5 becomes a 2
		long corrected = id(talk(token, dan, "2006-10-15", 5, false));
		post(token, dan, """
				{"correctsId":%d,"satisfaction":2,"note":"Rättat betyg","sign":true}""".formatted(corrected));
		rated.add(2);
		// neither a draft nor a talk outside the period counts
		post(token, anna,
				"""
						{"date":"2006-11-20","kind":"support_talk","channel":"phone","minutes":20,"note":"Utkast","satisfaction":5}""");
		talk(token, bea, "2007-01-10", 5, true);

		long satisfied = rated.stream().filter(r -> r >= 4).count();
		long talks = ratings.length + 1;

		String analyst = token(createUser("ana", List.of("ANALYST"), List.of()), USER_PASSWORD);
		String json = http()
			.json("GET", "/api/v1/casework/stodcentrum/indicators?from=2006-01-01&to=2006-12-31", null, analyst)
			.body();
		assertThat(json).contains("\"supportTalks\":" + talks)
			.contains("\"ratedTalks\":" + rated.size())
			.contains("\"satisfiedTalks\":" + satisfied)
			.contains("\"shareSatisfied\":" + Math.round(1000.0 * satisfied / rated.size()) / 1000.0)
			// Anna and Bea (female), Carl (male); Dan never with violence
			.contains("\"closeRelationsViolence\":{\"female\":2,\"male\":1,\"other\":0,\"unknown\":0,\"total\":3}")
			.contains("\"supported\":{\"female\":2,\"male\":2,\"other\":0,\"unknown\":0,\"total\":4}");
		assertThat(http()
			.json("GET", "/api/v1/casework/stodcentrum/indicators?from=2006-01-01&to=2006-12-31&suppress=true", null,
					analyst)
			.body()).contains("\"closeRelationsViolence\":{\"female\":\"<5\",\"male\":\"<5\"")
			.contains("\"satisfiedTalks\":" + satisfied)
			.contains("\"other\":0,\"unknown\":0,\"total\":\"<5\"}");

		// the page, for a manager; refused to a caseworker
		String manager = createUser("chef", List.of("MANAGER"), List.of("STODCENTRUM"));
		var browser = http();
		browser.login(manager, USER_PASSWORD);
		String page = browser
			.get("/casework/stodcentrum/indicators?from=2006-01-01&to=2006-12-31&suppress=false&_suppress=on")
			.body();
		assertThat(page).contains("<td class=\"num\" id=\"rated\">" + rated.size() + "</td>")
			.contains("<td class=\"num\" id=\"satisfied\">" + satisfied + "</td>")
			.contains("Unga som fått stöd för våld i nära relationer, efter kön");
		// issue 11: Stödcentrum's own caseworker sees the unit's indicators (and a link
		// to them); another unit's does not
		var caseworker = http();
		caseworker.login(worker, USER_PASSWORD);
		assertThat(caseworker.get("/casework/stodcentrum/indicators").statusCode()).isEqualTo(200);
		assertThat(caseworker.get("/").body()).contains("href=\"/casework/stodcentrum/indicators\"");
		assertThat(
				http().json("GET", "/api/v1/casework/stodcentrum/indicators?from=2006-01-01&to=2006-12-31", null, token)
					.statusCode())
			.isEqualTo(200);
		String mika = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		var other = http();
		other.login(mika, USER_PASSWORD);
		assertThat(other.get("/casework/stodcentrum/indicators").statusCode()).isEqualTo(403);
		assertThat(other.get("/").body()).doesNotContain("href=\"/casework/stodcentrum/indicators\"");
		assertThat(http()
			.json("GET", "/api/v1/casework/stodcentrum/indicators?from=2006-01-01&to=2006-12-31", null,
					token(mika, USER_PASSWORD))
			.statusCode()).isEqualTo(403);
		assertThat(http().json("GET", "/v3/api-docs", null, null).body())
			.contains("/api/v1/casework/stodcentrum/indicators")
			.contains("/api/v1/cases/{caseId}/journal/{entryId}/sign");
		var bad = http().json("GET", "/api/v1/casework/stodcentrum/indicators?from=2006-13-01&to=2006-12-31", null,
				analyst);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("\"field\":\"from\"");
	}

	private boolean reminderShown(String user, long caseId) {
		var browser = http();
		browser.login(user, USER_PASSWORD);
		// issue 11: the reminder names the case by its person, and links to the case
		String home = browser.get("/").body();
		return home.contains(": 5 stödsamtal är gjorda") && home.contains("/cases/" + caseId + "#stodcentrum");
	}

	private String talk(String token, long caseId, String date, Integer satisfaction, boolean violence) {
		return post(token, caseId, """
				{"date":"%s","kind":"support_talk","channel":"in_person","minutes":45,"note":"Stödsamtal",%s
				 "closeRelationsViolence":%s,"sign":true}""".formatted(date,
				satisfaction == null ? "" : "\"satisfaction\":" + satisfaction + ",", violence));
	}

	private String post(String token, long caseId, String json) {
		var response = http().json("POST", "/api/v1/cases/" + caseId + "/journal", json, token);
		assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
		return response.body();
	}

	private long person(String token, String birthYear, String gender) {
		return id(http()
			.json("POST", "/api/v1/people",
					"""
							{"alias":"Ung-%s","birthYear":"%s","gender":"%s","unit":"STODCENTRUM"}"""
						.formatted(Numbers.suffix(), birthYear, gender),
					token)
			.body());
	}

	@Test
	void shouldNotLetATotalGiveAwayAHiddenGender() {
		// five girls and one boy supported: "<5" for the boy beside a total of 6 and a 5
		// would say it was one boy
		var indicators = new StodcentrumIndicators(java.time.LocalDate.of(2006, 1, 1),
				java.time.LocalDate.of(2006, 12, 31), 12, 10, 8,
				java.util.Map.of("female", 5L, "male", 1L, "other", 0L, "unknown", 0L),
				java.util.Map.of("female", 0L, "male", 0L, "other", 0L, "unknown", 0L));
		var shown = indicators.publish(true);
		assertThat(shown.get("supported.male").mark()).isEqualTo("<5");
		assertThat(shown.get("supported.female").isHidden() || shown.get("supported.total").isHidden()).isTrue();
		assertThat(shown.get("supported.other").json()).isEqualTo(0L);
		// without suppression every figure is exact
		assertThat(indicators.publish(false).get("supported.total").value()).isEqualTo(6);
	}

}
