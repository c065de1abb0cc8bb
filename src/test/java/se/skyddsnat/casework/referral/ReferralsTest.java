package se.skyddsnat.casework.referral;

import static se.skyddsnat.support.Json.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;
import se.skyddsnat.casework.Numbers;

/**
 * Referrals and handovers through the API and the pages: the receiving unit sees the
 * handover summary but not the case until it accepts; a decline keeps the case hidden; an
 * external referral needs the person's consent or a manager's audited override; the state
 * machine refuses illegal moves with a Swedish message (409).
 */
class ReferralsTest extends IntegrationTest {

	@Test
	void shouldShowTheReceivingUnitOnlyTheSummaryUntilItAcceptsAndThenTheCase() {
		String mika = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String kast = createUser("kast", List.of("CASEWORKER"), List.of("KAST"));
		String mikaToken = token(mika, USER_PASSWORD);
		String kastToken = token(kast, USER_PASSWORD);
		String summary = "Klienten vill ha samtal om sitt sexköp – " + Numbers.suffix();
		long caseId = openCase(mikaToken, "Eva Strand-" + Numbers.suffix());

		long referral = id(http().json("POST", "/api/v1/cases/" + caseId + "/referrals", """
				{"targetKind":"unit","unit":"KAST","summary":"%s"}""".formatted(summary), mikaToken));
		// a draft does not exist for the receiving unit
		assertThat(http().json("GET", "/api/v1/referrals/" + referral, null, kastToken).statusCode()).isEqualTo(404);
		assertThat(http().json("GET", "/api/v1/referrals/incoming", null, kastToken).body()).doesNotContain(summary);
		var acceptDraft = http().json("POST", "/api/v1/referrals/" + referral + "/accept", null, mikaToken);
		assertThat(acceptDraft.statusCode()).isEqualTo(409);
		assertThat(acceptDraft.body())
			.contains("Det går inte att ta emot överlämningen: den är ett utkast som inte har skickats.");

		assertThat(http().json("POST", "/api/v1/referrals/" + referral + "/send", null, mikaToken).body())
			.contains("\"state\":\"sent\"");
		var sendTwice = http().json("POST", "/api/v1/referrals/" + referral + "/send", null, mikaToken);
		assertThat(sendTwice.statusCode()).isEqualTo(409);
		assertThat(sendTwice.body()).contains("Det går inte att skicka överlämningen: den är redan skickad.");
		var acceptBySender = http().json("POST", "/api/v1/referrals/" + referral + "/accept", null, mikaToken);
		assertThat(acceptBySender.statusCode()).isEqualTo(409);
		assertThat(acceptBySender.body()).contains("Bara den mottagande enheten (KAST) kan ta emot överlämningen.");

		// sent: KAST sees the summary, not the case
		assertThat(http().json("GET", "/api/v1/cases/" + caseId, null, kastToken).statusCode()).isEqualTo(404);
		assertThat(http().json("GET", "/api/v1/referrals/incoming", null, kastToken).body()).contains(summary)
			.contains("\"fromUnit\":\"MIKA\"");
		var kastBrowser = http();
		kastBrowser.login(kast, USER_PASSWORD);
		assertThat(kastBrowser.get("/").body()).contains("Inkommande överlämning " + referral + " från MIKA");
		assertThat(kastBrowser.get("/referrals/incoming").body()).contains(summary);
		String page = kastBrowser.get("/referrals/" + referral).body();
		assertThat(page).contains(summary)
			.contains("visas för din enhet först när ni har tagit emot överlämningen")
			.contains("Ta emot överlämningen")
			.doesNotContain("Eva Strand-");
		assertThat(kastBrowser.get("/cases/" + caseId).statusCode()).isEqualTo(404);

		// KAST accepts on the page: the case opens to KAST, and reading it is audited
		var accepted = kastBrowser.post("/referrals/" + referral + "/accept", Map.of());
		assertThat(Http.location(accepted)).endsWith("/referrals/" + referral);
		assertThat(kastBrowser.get("/referrals/" + referral).body()).contains("Överlämningen är mottagen.")
			.contains("href=\"/cases/" + caseId + "\"");
		assertThat(kastBrowser.get("/cases/" + caseId).body()).contains("Ärendet tillhör Mikamottagningen")
			/* issue 11: the unit by name */.contains("Eva Strand-");
		assertThat(http().json("GET", "/api/v1/cases/" + caseId, null, kastToken).statusCode()).isEqualTo(200);
		assertThat(reads(kast, "case", caseId)).contains("view");
		assertThat(kastBrowser.get("/").body()).doesNotContain("Inkommande överlämning " + referral + " ");

		// the history: who moved it, from which state to which
		String json = http().json("GET", "/api/v1/referrals/" + referral, null, mikaToken).body();
		assertThat(json).contains("\"state\":\"accepted\"")
			.contains("{\"to\":\"draft\",\"actor\":\"" + mika + "\"")
			.contains("{\"from\":\"draft\",\"to\":\"sent\",\"actor\":\"" + mika + "\"")
			.contains("{\"from\":\"sent\",\"to\":\"accepted\",\"actor\":\"" + kast + "\"");
		var mikaBrowser = http();
		mikaBrowser.login(mika, USER_PASSWORD);
		assertThat(mikaBrowser.get("/referrals/" + referral).body()).contains("Skickad → Mottagen").contains(kast);
		assertThat(mikaBrowser.get("/cases/" + caseId).body()).contains("Överlämningar och samtycken")
			.contains("href=\"/referrals/" + referral + "\"")
			.contains("Mottagen");
		var acceptAgain = http().json("POST", "/api/v1/referrals/" + referral + "/accept", null, kastToken);
		assertThat(acceptAgain.statusCode()).isEqualTo(409);
		assertThat(acceptAgain.body()).contains("den är redan mottagen");
		// issue 11: details stored structured, said from the bundles on the access log
		assertThat(changes(kast, "referral", referral))
			.contains("referral.state|#referral.state.sent|#referral.state.accepted");
	}

	@Test
	void shouldKeepTheCaseHiddenWhenTheReceivingUnitDeclinesWithAReason() {
		String mika = token(createUser("mika", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);
		String kast = createUser("kast", List.of("CASEWORKER"), List.of("KAST"));
		long caseId = openCase(mika, "Lova Berg-" + Numbers.suffix());
		long referral = id(http().json("POST", "/api/v1/cases/" + caseId + "/referrals", """
				{"targetKind":"unit","unit":"KAST","summary":"Behöver samtal"}""", mika));
		http().json("POST", "/api/v1/referrals/" + referral + "/send", "{}", mika);

		var browser = http();
		browser.login(kast, USER_PASSWORD);
		browser.get("/referrals/" + referral);
		var noReason = browser.post("/referrals/" + referral + "/decline", Map.of("reason", " "));
		assertThat(noReason.body()).contains("Ange varför ni avböjer").contains("href=\"#reason\"");
		assertThat(http().json("POST", "/api/v1/referrals/" + referral + "/decline", "{}", token(kast, USER_PASSWORD))
			.body()).contains("\"field\":\"reason\"");
		var declined = browser.post("/referrals/" + referral + "/decline",
				Map.of("reason", "Personen bor utanför vårt område"));
		assertThat(Http.location(declined)).endsWith("/referrals/" + referral);
		assertThat(browser.get("/referrals/" + referral).body()).contains("Avböjd")
			.contains("Personen bor utanför vårt område");
		assertThat(browser.get("/cases/" + caseId).statusCode()).isEqualTo(404);
		assertThat(http().json("GET", "/api/v1/cases/" + caseId, null, token(kast, USER_PASSWORD)).statusCode())
			.isEqualTo(404);

		var closeDeclined = http().json("POST", "/api/v1/referrals/" + referral + "/close", "{}", mika);
		assertThat(closeDeclined.statusCode()).isEqualTo(409);
		assertThat(closeDeclined.body()).contains("Det går inte att avsluta överlämningen: den är avböjd.");
	}

	@Test
	void shouldRefuseAnExternalReferralWithoutConsentAndSendItOnceConsentIsRecorded() {
		String user = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String token = token(user, USER_PASSWORD);
		long caseId = openCase(token, "Siri Ek-" + Numbers.suffix());
		long person = personOf(caseId);

		var browser = http();
		browser.login(user, USER_PASSWORD);
		browser.get("/cases/" + caseId + "/referrals/new");
		var created = browser.post("/cases/" + caseId + "/referrals",
				Map.of("targetKind", "municipality", "municipality", "0126", "personIds", String.valueOf(person),
						"summary", "Återflyttar till Huddinge och behöver fortsatt stöd"));
		long referral = Long.parseLong(Http.location(created).replaceAll(".*/referrals/", ""));
		String draft = browser.get("/referrals/" + referral).body();
		assertThat(draft).contains("Huddinge")
			.contains("Samtycke saknas")
			.contains("Bara en enhetschef kan besluta att skicka utan samtycke");

		// the summary is saved as it is typed (htmx answers with the status line only)
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(draft);
		assertThat(csrf.find()).isTrue();
		var typed = browser.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + port + "/referrals/" + referral + "/draft"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("HX-Request", "true")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("summary=Utkast+under+skrivning&_csrf="
					+ java.net.URLEncoder.encode(csrf.group(1), java.nio.charset.StandardCharsets.UTF_8)))
			.build());
		assertThat(typed.body()).contains("Utkastet sparades").doesNotContain("<html");
		assertThat(http().json("GET", "/api/v1/referrals/" + referral, null, token).body())
			.contains("\"summary\":\"Utkast under skrivning\"");

		var refused = browser.post("/referrals/" + referral + "/send",
				Map.of("summary", "Återflyttar till Huddinge och behöver fortsatt stöd"));
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("Överlämningen kan inte skickas: samtycke saknas för 1 av 1 personer.");
		var refusedApi = http().json("POST", "/api/v1/referrals/" + referral + "/send", null, token);
		assertThat(refusedApi.statusCode()).isEqualTo(409);
		assertThat(refusedApi.body()).contains("samtycke saknas för 1 av 1 personer")
			.contains("\"personIdsWithoutConsent\":[" + person + "]");

		// the consent is recorded on the case page; a bad form says what is wrong next to
		// the field
		browser.get("/cases/" + caseId);
		var bad = browser.post("/cases/" + caseId + "/consents",
				Map.of("personId", String.valueOf(person), "kind", "written", "givenOn", "2026-13-01", "scope", ""));
		assertThat(bad.body()).contains("Ange datum i formen ÅÅÅÅ-MM-DD, i dag eller tidigare.")
			.contains("Beskriv till vem och för vad personen samtycker")
			.contains("href=\"#scope\"");
		var recorded = browser.post("/cases/" + caseId + "/consents",
				Map.of("personId", String.valueOf(person), "kind", "written", "givenOn",
						java.time.LocalDate.now().minusDays(3).toString(), "scope",
						"Socialtjänsten i Huddinge, fortsatt stöd"));
		assertThat(Http.location(recorded)).contains("/cases/" + caseId);
		assertThat(browser.get("/cases/" + caseId).body()).contains("Socialtjänsten i Huddinge, fortsatt stöd")
			.contains("skriftligt");

		browser.get("/referrals/" + referral);
		var sent = browser.post("/referrals/" + referral + "/send",
				Map.of("summary", "Återflyttar till Huddinge och behöver fortsatt stöd"));
		assertThat(Http.location(sent)).endsWith("/referrals/" + referral);
		String json = http().json("GET", "/api/v1/referrals/" + referral, null, token).body();
		assertThat(json).contains("\"state\":\"sent\"")
			.doesNotContain("\"overrideReason\":\"")
			.containsPattern("\\{\"personId\":" + person + ",\"consentId\":\\d+}");

		// external: nobody accepts it in the system; the sender closes it when the
		// municipality has answered
		var accept = http().json("POST", "/api/v1/referrals/" + referral + "/accept", null, token);
		assertThat(accept.statusCode()).isEqualTo(409);
		assertThat(accept.body()).contains("En överlämning utanför organisationen går inte att ta emot i systemet.");
		browser.get("/referrals/" + referral);
		var closed = browser.post("/referrals/" + referral + "/close", Map.of("note", "Huddinge har tagit över"));
		assertThat(Http.location(closed)).endsWith("/referrals/" + referral);
		assertThat(browser.get("/referrals/" + referral).body()).contains("Skickad → Avslutad")
			.contains("Huddinge har tagit över");
	}

	@Test
	void shouldLetOnlyAManagerSendWithoutConsentWithAWrittenReasonThatIsAudited() {
		String caseworker = token(createUser("mika", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);
		String managerName = createUser("chef", List.of("MANAGER"), List.of("MIKA"));
		String manager = token(managerName, USER_PASSWORD);
		long caseId = openCase(caseworker, "Tove Lund-" + Numbers.suffix());
		long referral = id(http().json("POST", "/api/v1/cases/" + caseId + "/referrals", """
				{"targetKind":"organisation","recipientName":"Stödföreningen","summary":"Behöver stödperson"}""",
				caseworker));

		var byCaseworker = http().json("POST", "/api/v1/referrals/" + referral + "/send",
				"{\"overrideReason\":\"Akut fara för personens liv\"}", caseworker);
		assertThat(byCaseworker.statusCode()).isEqualTo(403);
		var tooShort = http().json("POST", "/api/v1/referrals/" + referral + "/send", "{\"overrideReason\":\"akut\"}",
				manager);
		assertThat(tooShort.statusCode()).isEqualTo(400);
		assertThat(tooShort.body()).contains("\"field\":\"overrideReason\"").contains("minst 10 tecken");

		var browser = http();
		browser.login(managerName, USER_PASSWORD);
		assertThat(browser.get("/referrals/" + referral).body()).contains("Skäl att skicka utan samtycke (enhetschef)");
		var sent = browser.post("/referrals/" + referral + "/send", Map.of("summary", "Behöver stödperson",
				"overrideReason", "Akut fara för personens liv, samtycke kan inte inhämtas"));
		assertThat(Http.location(sent)).endsWith("/referrals/" + referral);
		assertThat(browser.get("/referrals/" + referral).body()).contains("Skickad utan samtycke")
			.contains("Akut fara för personens liv, samtycke kan inte inhämtas");
		assertThat(http().json("GET", "/api/v1/referrals/" + referral, null, caseworker).body())
			.contains("\"overrideBy\":\"" + managerName + "\"");
		assertThat(audit().by(managerName)
			.kind("CHANGE")
			.subject("referral", referral)
			.where("details = ?", "referral.consentOverride")
			.count()).isEqualTo(1);
	}

	@Test
	void shouldRefuseMovesTheStateMachineDoesNotAllow() {
		String mika = token(createUser("mika", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);
		String other = token(createUser("ung", List.of("CASEWORKER"), List.of("UNGDOMSJOUREN")), USER_PASSWORD);
		long caseId = openCase(mika, "Maja Sten-" + Numbers.suffix());

		var toOwnUnit = http().json("POST", "/api/v1/cases/" + caseId + "/referrals",
				"{\"targetKind\":\"unit\",\"unit\":\"MIKA\"}", mika);
		assertThat(toOwnUnit.statusCode()).isEqualTo(400);
		assertThat(toOwnUnit.body()).contains("\"field\":\"unit\"");
		assertThat(http()
			.json("POST", "/api/v1/cases/" + caseId + "/referrals", "{\"targetKind\":\"unit\",\"unit\":\"KAST\"}",
					other)
			.statusCode()).isEqualTo(404);

		long referral = id(http().json("POST", "/api/v1/cases/" + caseId + "/referrals",
				"{\"targetKind\":\"unit\",\"unit\":\"KAST\"}", mika));
		var noSummary = http().json("POST", "/api/v1/referrals/" + referral + "/send", null, mika);
		assertThat(noSummary.statusCode()).isEqualTo(400);
		assertThat(noSummary.body()).contains("\"field\":\"summary\"");
		assertThat(http().json("POST", "/api/v1/referrals/" + referral + "/accept", null, other).statusCode())
			.isEqualTo(404);

		// withdrawn as a draft: closed for good
		assertThat(http().json("POST", "/api/v1/referrals/" + referral + "/close", "{\"note\":\"Fel mottagare\"}", mika)
			.body()).contains("\"state\":\"closed\"");
		var sendClosed = http().json("POST", "/api/v1/referrals/" + referral + "/send", "{\"summary\":\"Text\"}", mika);
		assertThat(sendClosed.statusCode()).isEqualTo(409);
		assertThat(sendClosed.body()).contains("Det går inte att skicka överlämningen: den är redan avslutad.")
			.contains("\"status\":409");
		assertThat(http().json("POST", "/api/v1/referrals/" + referral + "/close", null, mika).statusCode())
			.isEqualTo(409);
	}

	private long openCase(String token, String name) {
		long person = id(http().json("POST", "/api/v1/people", """
				{"personalNumber":"%s","name":"%s","gender":"female","unit":"MIKA"}""".formatted(Numbers.personnummer(),
				name), token));
		return casework(token).openCase("MIKA", "mika_support", person, "2026-01-05");
	}

	private long personOf(long caseId) {
		return jdbc.sql("SELECT person_id FROM casework.case_people WHERE case_id = ?")
			.param(caseId)
			.query(Long.class)
			.single();
	}

	private List<String> reads(String actor, String type, long id) {
		return audit().by(actor).kind("READ").subject(type, id).purposes();
	}

	private List<String> changes(String actor, String type, long id) {
		return audit().by(actor).kind("CHANGE").subject(type, id).details();
	}

}
