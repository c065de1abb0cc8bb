package se.skyddsnat.casework.trafficking;

import static se.skyddsnat.support.Json.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.shared.UnitCode;
import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;
import se.skyddsnat.casework.Numbers;
import se.skyddsnat.casework.Reminder;
import se.skyddsnat.casework.core.CaseworkProperties;

/**
 * The trafficking track: recorded by the case's own unit only, read (and audited) by
 * whoever may see the case, 404 for everyone else; dates checked with messages naming the
 * field; reminders on the start page a configured number of days before a permit ends and
 * when the follow-up after a return ends.
 */
class TraffickingTrackTest extends IntegrationTest {

	@Autowired
	TraffickingTrackReminders reminders;

	@Autowired
	CaseworkProperties properties;

	@Autowired
	Clock clock;

	@AfterEach
	void forgetUser() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void shouldRemindOfAnEndingPermitFromExactlyTheConfiguredDayUntilItEnds() {
		String coordinator = createUser("rk", List.of("CASEWORKER"), List.of("RK_VUXNA"));
		String token = token(coordinator, USER_PASSWORD);
		long caseId = traffickingCase(token, "RK_VUXNA");
		LocalDate today = LocalDate.now(clock);
		LocalDate until = today.plusYears(2).withMonth(6).withDayOfMonth(15);
		assertThat(http()
			.json("POST", "/api/v1/cases/" + caseId + "/track/permits",
					"""
							{"kind":"temporary_permit","appliedOn":"%s","decision":"granted","decidedOn":"%s","validUntil":"%s"}"""
						.formatted(today.minusDays(40), today.minusDays(10), until),
					token)
			.statusCode()).isEqualTo(201);
		int days = properties.permitReminderDays();

		login(coordinator, "RK_VUXNA");
		assertThat(remindersOf(caseId, until.minusDays(days + 1))).isEmpty();
		assertThat(remindersOf(caseId, until.minusDays(days))).singleElement().satisfies(r -> {
			assertThat(r.messageKey()).isEqualTo("track.reminder.permit.temporary_permit");
			// issue 11: the case named by its person (the alias), and the day
			assertThat(r.args()).hasSize(2);
			assertThat((String) r.args()[0]).matches("Ana-[0-9a-z]+ \\(alias\\)");
			assertThat(r.args()[1]).isEqualTo(until.toString());
			assertThat(r.due()).isEqualTo(until);
		});
		assertThat(remindersOf(caseId, until)).hasSize(1);
		assertThat(remindersOf(caseId, until.plusDays(1))).isEmpty();

		// another unit's user is not reminded
		login(createUser("kast", List.of("CASEWORKER"), List.of("KAST")), "KAST");
		assertThat(remindersOf(caseId, until.minusDays(1))).isEmpty();

		// a newer application (an extension, not yet decided) ends the reminder
		assertThat(http().json("POST", "/api/v1/cases/" + caseId + "/track/permits", """
				{"kind":"temporary_permit","appliedOn":"%s"}""".formatted(today), token).statusCode()).isEqualTo(201);
		login(coordinator, "RK_VUXNA");
		assertThat(remindersOf(caseId, until.minusDays(1))).isEmpty();
	}

	@Test
	void shouldRemindOfTheFollowUpSixMonthsAfterTheReturnUntilItIsMarkedDone() {
		String coordinator = createUser("rk", List.of("CASEWORKER"), List.of("RK_VUXNA"));
		String token = token(coordinator, USER_PASSWORD);
		long caseId = traffickingCase(token, "RK_VUXNA");
		LocalDate today = LocalDate.now(clock);
		LocalDate returned = today.minusMonths(8);
		long returnId = id(http().json("POST", "/api/v1/cases/" + caseId + "/track/returns", """
				{"appliedOn":"%s","returnDate":"%s"}""".formatted(returned.minusDays(20), returned), token).body());
		LocalDate ends = returned.plus(properties.returnFollowUp());
		assertThat(ends).isEqualTo(returned.plusMonths(6));
		assertThat(http().json("GET", "/api/v1/cases/" + caseId + "/track", null, token).body())
			.contains("\"followUpEnds\":\"" + ends + "\"");

		login(coordinator, "RK_VUXNA");
		assertThat(remindersOf(caseId, ends.minusDays(1))).isEmpty();
		assertThat(remindersOf(caseId, ends)).singleElement().satisfies(r -> {
			assertThat(r.messageKey()).isEqualTo("track.reminder.returnFollowUp");
			assertThat(r.due()).isEqualTo(ends);
			assertThat(r.overdueOn(ends)).isFalse();
		});
		assertThat(remindersOf(caseId, ends.plusDays(60))).singleElement()
			.satisfies(r -> assertThat(r.overdueOn(ends.plusDays(60))).isTrue());

		var done = http().json("POST", "/api/v1/cases/" + caseId + "/track/returns/" + returnId + "/follow-up",
				"{\"followUpDoneOn\":\"" + today + "\"}", token);
		assertThat(done.statusCode()).isEqualTo(200);
		assertThat(done.body()).contains("\"followUpDoneOn\":\"" + today + "\"");
		assertThat(remindersOf(caseId, ends.plusDays(60))).isEmpty();
	}

	@Test
	void shouldShowThePermitReminderOnTheStartPageOfTheCasesUnitOnly() {
		String coordinator = createUser("rk", List.of("CASEWORKER"), List.of("RK_VUXNA"));
		String other = createUser("kast", List.of("CASEWORKER"), List.of("KAST"));
		String token = token(coordinator, USER_PASSWORD);
		LocalDate today = LocalDate.now(clock);
		int days = properties.permitReminderDays();
		long soon = traffickingCase(token, "RK_VUXNA");
		LocalDate soonUntil = today.plusDays(Math.max(0, days - 20));
		permit(token, soon, "temporary_permit", today.minusDays(30), today.minusDays(5), soonUntil);
		long later = traffickingCase(token, "RK_VUXNA");
		LocalDate laterUntil = today.plusDays(days + 10);
		permit(token, later, "temporary_permit", today.minusDays(30), today.minusDays(5), laterUntil);

		var browser = http();
		browser.login(coordinator, USER_PASSWORD);
		String home = browser.get("/").body();
		// issue 11: the reminder names the case by its person and says what is due
		assertThat(home).containsPattern("Ana-[0-9a-z]+ \\(alias\\): uppehållstillstånd löper ut " + soonUntil)
			.contains("/cases/" + soon + "#track")
			.doesNotContain("löper ut " + laterUntil);

		var otherBrowser = http();
		otherBrowser.login(other, USER_PASSWORD);
		assertThat(otherBrowser.get("/").body()).doesNotContain("löper ut " + soonUntil)
			.doesNotContain("/cases/" + soon + "#track");
	}

	@Test
	void shouldLetOnlyTheCasesOwnUnitRecordAndAnswer404ToOtherUnits() {
		String coordinator = createUser("rk", List.of("CASEWORKER"), List.of("RK_VUXNA"));
		String otherUser = createUser("kast", List.of("CASEWORKER"), List.of("KAST"));
		String token = token(coordinator, USER_PASSWORD);
		String other = token(otherUser, USER_PASSWORD);
		long caseId = traffickingCase(token, "RK_VUXNA");
		String provider = "Boende Tallen-" + Numbers.suffix();
		LocalDate today = LocalDate.now(clock);
		assertThat(http().json("POST", "/api/v1/cases/" + caseId + "/track/housing", """
				{"from":"%s","provider":"%s"}""".formatted(today.minusDays(3), provider), token).statusCode())
			.isEqualTo(201);
		assertThat(http().json("POST", "/api/v1/cases/" + caseId + "/track/contacts", """
				{"date":"%s","kind":"police_interview","note":"Förhör hos polisen"}""".formatted(today), token)
			.statusCode()).isEqualTo(201);
		assertThat(
				http()
					.json("POST", "/api/v1/cases/" + caseId + "/track/home-links",
							"""
									{"municipality":"0126","contactedOn":"%s","note":"Socialtjänsten kontaktad"}"""
								.formatted(today),
							token)
					.statusCode())
			.isEqualTo(201);

		String track = http().json("GET", "/api/v1/cases/" + caseId + "/track", null, token).body();
		assertThat(track).contains("\"provider\":\"" + provider + "\"")
			.contains("\"kind\":\"police_interview\"")
			.contains("\"municipality\":\"0126\"")
			.contains("\"municipalityName\":\"Huddinge\"")
			.contains("\"editable\":true");
		assertThat(audit().by(coordinator)
			.kind("READ")
			.subject("case", caseId)
			.where("purpose = ?", "trafficking track")
			.count()).isPositive();

		// another unit: the case and its track do not exist
		assertThat(http().json("GET", "/api/v1/cases/" + caseId + "/track", null, other).statusCode()).isEqualTo(404);
		assertThat(http().json("POST", "/api/v1/cases/" + caseId + "/track/housing", """
				{"from":"%s","provider":"X"}""".formatted(today), other).statusCode()).isEqualTo(404);
		var otherBrowser = http();
		otherBrowser.login(otherUser, USER_PASSWORD);
		assertThat(otherBrowser.get("/cases/" + caseId + "/track/housing").statusCode()).isEqualTo(404);

		// handed over to the other unit: it sees the case, but the track is the owning
		// unit's record and is not shared
		long referral = id(http().json("POST", "/api/v1/cases/" + caseId + "/referrals", """
				{"targetKind":"unit","unit":"KAST","summary":"Behöver stöd av KAST"}""", token).body());
		http().json("POST", "/api/v1/referrals/" + referral + "/send", "{}", token);
		assertThat(http().json("POST", "/api/v1/referrals/" + referral + "/accept", null, other).statusCode())
			.isEqualTo(200);
		assertThat(http().json("GET", "/api/v1/cases/" + caseId, null, other).statusCode()).isEqualTo(200);
		var sharedTrack = http().json("GET", "/api/v1/cases/" + caseId + "/track", null, other);
		assertThat(sharedTrack.statusCode()).isEqualTo(403);
		assertThat(sharedTrack.body()).doesNotContain(provider);
		assertThat(http().json("POST", "/api/v1/cases/" + caseId + "/track/housing", """
				{"from":"%s","provider":"X"}""".formatted(today), other).statusCode()).isEqualTo(403);
		String page = otherBrowser.get("/cases/" + caseId).body();
		assertThat(page).contains("Journalen, spåret och samtyckena är den egna enhetens dokumentation och delas inte.")
			.doesNotContain(provider)
			.doesNotContain("/cases/" + caseId + "/track/housing\"");
	}

	@Test
	void shouldRefuseImpossibleDatesWithMessagesNamingTheField() {
		String coordinator = createUser("rk", List.of("CASEWORKER"), List.of("RK_VUXNA"));
		String token = token(coordinator, USER_PASSWORD);
		long caseId = traffickingCase(token, "RK_VUXNA");
		LocalDate today = LocalDate.now(clock);

		var housing = http().json("POST", "/api/v1/cases/" + caseId + "/track/housing", """
				{"from":"%s","to":"%s","provider":""}""".formatted(today.minusDays(5), today.minusDays(9)), token);
		assertThat(housing.statusCode()).isEqualTo(400);
		assertThat(housing.body()).contains("\"field\":\"to\"")
			.contains("”Till och med”")
			.contains("\"field\":\"provider\"")
			.contains("”Boende (utförare)”");

		var permit = http().json("POST", "/api/v1/cases/" + caseId + "/track/permits", """
				{"kind":"temporary_permit","appliedOn":"%s","decision":"granted","decidedOn":"%s","validUntil":"%s"}"""
			.formatted(today.minusDays(5), today.minusDays(6), today.minusDays(7)), token);
		assertThat(permit.statusCode()).isEqualTo(400);
		assertThat(permit.body()).contains("\"field\":\"decidedOn\"")
			.contains("”Beslutsdatum”")
			.contains("\"field\":\"validUntil\"")
			.contains("”Giltigt till och med”");
		var refused = http().json("POST", "/api/v1/cases/" + caseId + "/track/permits", """
				{"kind":"reflection_period","appliedOn":"%s","decision":"refused","decidedOn":"%s","validUntil":"%s"}"""
			.formatted(today.minusDays(5), today, today.plusDays(30)), token);
		assertThat(refused.body()).contains("\"field\":\"validUntil\"").contains("tomt när ansökan har fått avslag");

		var future = http().json("POST", "/api/v1/cases/" + caseId + "/track/contacts", """
				{"date":"%s","kind":"interrogation"}""".formatted(today.plusDays(1)), token);
		assertThat(future.body()).contains("\"field\":\"date\"")
			.contains("\"field\":\"kind\"")
			.contains("”Typ av kontakt”");

		long returnId = id(http()
			.json("POST", "/api/v1/cases/" + caseId + "/track/returns",
					"{\"appliedOn\":\"" + today.minusDays(10) + "\"}", token)
			.body());
		var early = http().json("POST", "/api/v1/cases/" + caseId + "/track/returns/" + returnId + "/return",
				"{\"returnDate\":\"" + today.minusDays(11) + "\"}", token);
		assertThat(early.body()).contains("\"field\":\"returnDate\"")
			.contains("”Återvändandedatum”")
			.contains(today.minusDays(10).toString());
		assertThat(http()
			.json("POST", "/api/v1/cases/" + caseId + "/track/home-links",
					"{\"municipality\":\"9999\",\"contactedOn\":\"2026-02-30\"}", token)
			.body()).contains("\"field\":\"municipality\"")
			.contains("\"field\":\"contactedOn\"")
			.contains("”Kontaktad”");

		// the page: errors beside the fields and in the summary, what was typed kept;
		// saved: back to the case
		var browser = http();
		browser.login(coordinator, USER_PASSWORD);
		assertThat(browser.get("/cases/" + caseId + "/track/housing").statusCode()).isEqualTo(200);
		var bad = browser.post("/cases/" + caseId + "/track/housing", Map.of("from", today.minusDays(5).toString(),
				"to", today.minusDays(9).toString(), "provider", "Boende Eken"));
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("href=\"#to\"")
			.contains("id=\"to-error\"")
			.contains("”Till och med”")
			.contains("value=\"Boende Eken\"");
		var saved = browser.post("/cases/" + caseId + "/track/housing",
				Map.of("from", today.minusDays(5).toString(), "to", "", "provider", "Boende Eken"));
		assertThat(Http.location(saved)).endsWith("/cases/" + caseId + "#track");
		String casePage = browser.get("/cases/" + caseId).body();
		assertThat(casePage).contains("Människohandelsspåret")
			.contains("Boende Eken sedan " + today.minusDays(5))
			.contains("Placeringen är sparad.");

		browser.get("/cases/" + caseId + "/track/permits");
		var noDecisionDate = browser.post("/cases/" + caseId + "/track/permits",
				Map.of("kind", "reflection_period", "appliedOn", today.minusDays(2).toString(), "decision", "granted",
						"decidedOn", "", "validUntil", today.plusDays(28).toString()));
		assertThat(noDecisionDate.body()).contains("href=\"#decidedOn\"").contains("”Beslutsdatum”");
	}

	@Test
	void shouldFoldTheTrackAwayOnOtherKindsOfCaseUntilSomethingIsRecorded() {
		String user = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String token = token(user, USER_PASSWORD);
		long person = id(http().json("POST", "/api/v1/people", """
				{"alias":"Vera-%s","gender":"female","unit":"MIKA"}""".formatted(Numbers.suffix()), token).body());
		long caseId = id(http().json("POST", "/api/v1/cases", """
				{"unit":"MIKA","kind":"mika_support","openedOn":"2026-01-05","reason":"Stöd",
				 "people":[{"personId":%d,"role":"exposed"}]}""".formatted(person), token).body());
		var browser = http();
		browser.login(user, USER_PASSWORD);
		assertThat(browser.get("/cases/" + caseId).body()).contains("<details id=\"track\"")
			.doesNotContain("<section id=\"track\"");
		http().json("POST", "/api/v1/cases/" + caseId + "/track/contacts",
				"{\"date\":\"" + LocalDate.now(clock) + "\",\"kind\":\"court_hearing\"}", token);
		assertThat(browser.get("/cases/" + caseId).body()).contains("<section id=\"track\"").contains("Rättegång");
	}

	private List<Reminder> remindersOf(long caseId, LocalDate today) {
		return reminders.forCurrentUser(today)
			.stream()
			.filter(r -> r.link().equals("/cases/" + caseId + "#track"))
			.toList();
	}

	/**
	 * Sets the security context as a login would, so the reminder source can be called
	 * with a fixed today.
	 */
	private void login(String username, String unit) {
		Set<UnitCode> units = new TreeSet<>(List.of(UnitCode.of(unit)));
		var user = new CurrentUser(1, username, username, Set.of(Role.CASEWORKER), new TreeSet<>(units), false);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
	}

	private long traffickingCase(String token, String unit) {
		long person = id(http().json("POST", "/api/v1/people", """
				{"alias":"Ana-%s","gender":"female","unit":"%s"}""".formatted(Numbers.suffix(), unit), token).body());
		return id(
				http()
					.json("POST", "/api/v1/cases",
							"""
									{"unit":"%s","kind":"trafficking","openedOn":"2026-01-05","reason":"Utsatt för människohandel",
									 "people":[{"personId":%d,"role":"exposed"}]}"""
								.formatted(unit, person),
							token)
					.body());
	}

	private void permit(String token, long caseId, String kind, LocalDate applied, LocalDate decided, LocalDate until) {
		var response = http().json("POST", "/api/v1/cases/" + caseId + "/track/permits", """
				{"kind":"%s","appliedOn":"%s","decision":"granted","decidedOn":"%s","validUntil":"%s"}"""
			.formatted(kind, applied, decided, until), token);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

}
