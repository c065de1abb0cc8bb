package se.skyddsnat.casework.referral;

import static se.skyddsnat.support.Json.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;
import se.skyddsnat.casework.Numbers;

/**
 * A handover shares exactly what it names, for as long as it is open: after KAST accepts
 * a referral of the mother in a mother-and-child case, KAST reads the case and the mother
 * — never the child left out of the referral (by id, in search, in lists, on the case
 * page), never the journal; closing or revoking the referral ends the share at once.
 */
class ReferralShareTest extends IntegrationTest {

	record Family(long caseId, long mother, long child, String motherAlias, String childAlias) {
	}

	@Test
	void shouldShowTheReceiverOnlyThePeopleTheReferralNamesAndNoJournal() {
		String mikaToken = token(createUser("mika", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);
		String kast = createUser("kast", List.of("CASEWORKER"), List.of("KAST"));
		String kastToken = token(kast, USER_PASSWORD);
		Family f = family(mikaToken);
		String note = "Barnet berättade om hemmet " + Numbers.suffix();
		journalNote(mikaToken, f.caseId(), note);

		long referral = handover(mikaToken, f, "[" + f.mother() + "]");
		assertThat(accept(kastToken, referral).statusCode()).isEqualTo(200);

		// by id: the case and the mother, not the child
		var caseJson = http().json("GET", "/api/v1/cases/" + f.caseId(), null, kastToken);
		assertThat(caseJson.statusCode()).isEqualTo(200);
		assertThat(caseJson.body()).contains(f.motherAlias())
			.doesNotContain(f.childAlias())
			.doesNotContain("\"id\":" + f.child() + ",");
		assertThat(http().json("GET", "/api/v1/people/" + f.mother(), null, kastToken).statusCode()).isEqualTo(200);
		assertThat(http().json("GET", "/api/v1/people/" + f.child(), null, kastToken).statusCode()).isEqualTo(404);

		// in search and lists
		assertThat(search(kastToken, f.motherAlias())).contains(f.motherAlias());
		assertThat(search(kastToken, f.childAlias())).doesNotContain(f.childAlias()).isEqualTo("[]");
		assertThat(http().json("GET", "/api/v1/cases", null, kastToken).body()).contains("\"id\":" + f.caseId())
			.doesNotContain(f.childAlias());

		// the journal is the sending unit's record: not shared
		var journal = http().json("GET", "/api/v1/cases/" + f.caseId() + "/journal", null, kastToken);
		assertThat(journal.statusCode()).isEqualTo(403);
		assertThat(journal.body()).doesNotContain(note);

		// the pages say the same
		var browser = http();
		browser.login(kast, USER_PASSWORD);
		String casePage = browser.get("/cases/" + f.caseId()).body();
		assertThat(casePage).contains(f.motherAlias())
			.doesNotContain(f.childAlias())
			.doesNotContain(note)
			.contains("de personer som överlämningen gäller");
		assertThat(browser.get("/people/" + f.child()).statusCode()).isEqualTo(404);
		assertThat(browser.get("/people/" + f.mother()).statusCode()).isEqualTo(200);
		assertThat(browser.get("/people").body()).doesNotContain(f.childAlias());
		assertThat(browser.get("/cases").body()).contains("/cases/" + f.caseId()).doesNotContain(f.childAlias());
		browser.get("/people");
		assertThat(browser.post("/people/search", Map.of("q", f.childAlias())).body())
			.doesNotContain("href=\"/people/" + f.child() + "\"")
			.contains("Ingen träff");
		assertThat(browser.get("/referrals/" + referral).body()).contains(f.motherAlias())
			.doesNotContain(f.childAlias());

		// the sending unit still sees everything
		assertThat(http().json("GET", "/api/v1/cases/" + f.caseId(), null, mikaToken).body()).contains(f.motherAlias())
			.contains(f.childAlias());
	}

	@Test
	void shouldShareEveryoneOnlyWhenTheSenderChoseAll() {
		String mikaToken = token(createUser("mika", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);
		String kastToken = token(createUser("kast", List.of("CASEWORKER"), List.of("KAST")), USER_PASSWORD);
		Family f = family(mikaToken);

		long referral = handover(mikaToken, f, null);
		accept(kastToken, referral);

		assertThat(http().json("GET", "/api/v1/cases/" + f.caseId(), null, kastToken).body()).contains(f.motherAlias())
			.contains(f.childAlias());
		assertThat(http().json("GET", "/api/v1/people/" + f.child(), null, kastToken).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldEndTheShareWhenTheReferralIsClosedAndAuditIt() {
		String mika = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String mikaToken = token(mika, USER_PASSWORD);
		String kast = createUser("kast", List.of("CASEWORKER"), List.of("KAST"));
		String kastToken = token(kast, USER_PASSWORD);
		Family f = family(mikaToken);
		String summary = "Mamman vill ha samtal " + Numbers.suffix();
		long referral = id(http().json("POST", "/api/v1/cases/" + f.caseId() + "/referrals", """
				{"targetKind":"unit","unit":"KAST","summary":"%s","personIds":[%d]}""".formatted(summary, f.mother()),
				mikaToken));
		http().json("POST", "/api/v1/referrals/" + referral + "/send", "{}", mikaToken);
		accept(kastToken, referral);
		assertThat(http().json("GET", "/api/v1/cases/" + f.caseId(), null, kastToken).statusCode()).isEqualTo(200);

		var closed = http().json("POST", "/api/v1/referrals/" + referral + "/close", "{\"note\":\"Klart\"}", mikaToken);
		assertThat(closed.statusCode()).isEqualTo(200);

		assertThat(http().json("GET", "/api/v1/cases/" + f.caseId(), null, kastToken).statusCode()).isEqualTo(404);
		assertThat(http().json("GET", "/api/v1/people/" + f.mother(), null, kastToken).statusCode()).isEqualTo(404);
		assertThat(search(kastToken, f.motherAlias())).isEqualTo("[]");
		var browser = http();
		browser.login(kast, USER_PASSWORD);
		assertThat(browser.get("/cases/" + f.caseId()).statusCode()).isEqualTo(404);
		// the referral itself stays in the receiver's list, without what it shared
		String referralPage = browser.get("/referrals/" + referral).body();
		assertThat(referralPage)
			.contains("Överlämningen är avslutad. Sammanfattningen, ärendet och personerna visas inte längre")
			.doesNotContain(summary)
			.doesNotContain(f.motherAlias());
		assertThat(http().json("GET", "/api/v1/referrals/" + referral, null, kastToken).body()).doesNotContain(summary)
			.contains("\"closedHow\":\"done\"");

		// issue 11: details stored structured (key, the unit to name, the referral, how
		// it ended)
		assertThat(changes(mika, "case", f.caseId()))
			.anyMatch(d -> d.equals("case.shareEnded|@unit:KAST|" + referral + "|#referral.closedHow.done"));
		assertThat(changes(kast, "case", f.caseId()))
			.anyMatch(d -> d.startsWith("case.shared|@unit:KAST|" + referral + "|"));
	}

	@Test
	void shouldLetTheSendingUnitsManagerRevokeAShareWithAReason() {
		String mikaToken = token(createUser("mika", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);
		String manager = createUser("chef", List.of("MANAGER"), List.of("MIKA"));
		String managerToken = token(manager, USER_PASSWORD);
		String kastToken = token(createUser("kast", List.of("CASEWORKER"), List.of("KAST")), USER_PASSWORD);
		Family f = family(mikaToken);
		long referral = handover(mikaToken, f, "[" + f.mother() + "]");
		accept(kastToken, referral);

		assertThat(http()
			.json("POST", "/api/v1/referrals/" + referral + "/revoke", "{\"reason\":\"Överlämnad av misstag\"}",
					mikaToken)
			.statusCode()).isEqualTo(403);
		assertThat(http()
			.json("POST", "/api/v1/referrals/" + referral + "/revoke", "{\"reason\":\"Overlämnad av misstag\"}",
					kastToken)
			.statusCode()).isEqualTo(409);
		var noReason = http().json("POST", "/api/v1/referrals/" + referral + "/revoke", "{\"reason\":\"kort\"}",
				managerToken);
		assertThat(noReason.statusCode()).isEqualTo(400);
		assertThat(noReason.body()).contains("\"field\":\"reason\"");
		assertThat(http().json("GET", "/api/v1/cases/" + f.caseId(), null, kastToken).statusCode()).isEqualTo(200);

		// on the page, as the manager would
		var browser = http();
		browser.login(manager, USER_PASSWORD);
		assertThat(browser.get("/referrals/" + referral).body()).contains("Återkalla delningen");
		var revoked = browser.post("/referrals/" + referral + "/revoke", Map.of("reason", "Överlämnad av misstag"));
		assertThat(Http.location(revoked)).endsWith("/referrals/" + referral);

		assertThat(http().json("GET", "/api/v1/cases/" + f.caseId(), null, kastToken).statusCode()).isEqualTo(404);
		assertThat(http().json("GET", "/api/v1/referrals/" + referral, null, managerToken).body())
			.contains("\"state\":\"closed\"")
			.contains("\"closedHow\":\"revoked\"")
			.contains("\"note\":\"Överlämnad av misstag\"");
		assertThat(changes(manager, "case", f.caseId()))
			.anyMatch(d -> d.startsWith("case.shareEnded|") && d.endsWith("|#referral.closedHow.revoked"));
		// revoking again is refused by the state machine
		assertThat(http()
			.json("POST", "/api/v1/referrals/" + referral + "/revoke", "{\"reason\":\"Överlämnad av misstag\"}",
					managerToken)
			.statusCode()).isEqualTo(409);
	}

	@Test
	void shouldKeepTheChildHiddenWhenAnotherReferralOfTheCaseNamedIt() {
		// two referrals of the case to KAST: the one naming the child was withdrawn; the
		// open one names the mother
		String mikaToken = token(createUser("mika", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);
		String kastToken = token(createUser("kast", List.of("CASEWORKER"), List.of("KAST")), USER_PASSWORD);
		Family f = family(mikaToken);
		long both = handover(mikaToken, f, "[" + f.mother() + "," + f.child() + "]");
		http().json("POST", "/api/v1/referrals/" + both + "/close", "{}", mikaToken); // withdrawn
																						// before
																						// an
																						// answer
		long mother = handover(mikaToken, f, "[" + f.mother() + "]");
		accept(kastToken, mother);

		assertThat(http().json("GET", "/api/v1/people/" + f.child(), null, kastToken).statusCode()).isEqualTo(404);
		assertThat(http().json("GET", "/api/v1/referrals/" + both, null, kastToken).body())
			.doesNotContain("\"personId\":" + f.child())
			.contains("\"closedHow\":\"withdrawn\"");
	}

	private Family family(String token) {
		String mother = "Mamma-" + Numbers.suffix();
		String child = "Barn-" + Numbers.suffix();
		long motherId = id(http().json("POST", "/api/v1/people", """
				{"alias":"%s","gender":"female","birthYear":"1990","unit":"MIKA"}""".formatted(mother), token));
		long childId = id(http().json("POST", "/api/v1/people", """
				{"alias":"%s","gender":"female","birthYear":"2014","unit":"MIKA"}""".formatted(child), token));
		long caseId = id(http().json("POST", "/api/v1/cases", """
				{"unit":"MIKA","kind":"mika_support","openedOn":"2026-01-05","reason":"Stöd till mamman",
				 "people":[{"personId":%d,"role":"exposed"},{"personId":%d,"role":"child"}]}""".formatted(motherId,
				childId), token));
		return new Family(caseId, motherId, childId, mother, child);
	}

	private void journalNote(String token, long caseId, String note) {
		long entry = id(http().json("POST", "/api/v1/cases/" + caseId + "/journal",
				"""
						{"date":"2026-02-01","kind":"support_talk","channel":"in_person","minutes":30,"note":"%s","sign":true}"""
					.formatted(note),
				token));
		assertThat(entry).isPositive();
	}

	/**
	 * A sent referral to KAST naming the given people (a JSON array), or all of them when
	 * null.
	 */
	private long handover(String token, Family f, String personIds) {
		long referral = id(http().json("POST", "/api/v1/cases/" + f.caseId() + "/referrals", """
				{"targetKind":"unit","unit":"KAST","summary":"Samtal om sexköp"%s}"""
			.formatted(personIds == null ? "" : ",\"personIds\":" + personIds), token));
		var sent = http().json("POST", "/api/v1/referrals/" + referral + "/send", "{}", token);
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
		return referral;
	}

	private HttpResponse<String> accept(String token, long referral) {
		var accepted = http().json("POST", "/api/v1/referrals/" + referral + "/accept", null, token);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
		return accepted;
	}

	private String search(String token, String q) {
		return http().json("POST", "/api/v1/people/search", "{\"q\":\"" + q + "\"}", token).body();
	}

	private List<String> changes(String actor, String type, long id) {
		return audit().by(actor).kind("CHANGE").subject(type, id).details();
	}

}
