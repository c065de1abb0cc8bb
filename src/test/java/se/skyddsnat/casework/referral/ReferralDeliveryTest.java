package se.skyddsnat.casework.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import se.skyddsnat.casework.Numbers;
import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/**
 * Issue 11: on a sent external referral's page the sending unit records how the letter
 * was delivered and when, and later the receiving body's answer; both are shown with who
 * recorded them and audited; a date in the future is refused in Swedish naming the field;
 * a double submit saves once; another unit gets 404.
 */
class ReferralDeliveryTest extends IntegrationTest {

	@Test
	void shouldRecordTheDeliveryAndTheAnswerOfASentLetter() {
		String mika = createUser("leverans", List.of("CASEWORKER"), List.of("MIKA"));
		String token = token(mika, USER_PASSWORD);
		long person = se.skyddsnat.support.Json.id(http().json("POST", "/api/v1/people", """
				{"personalNumber":"%s","name":"Åsa Lund-%s","gender":"female","unit":"MIKA","confirmDuplicate":true}"""
			.formatted(Numbers.personnummer(), Numbers.suffix()), token));
		long caseId = se.skyddsnat.support.Json.id(http().json("POST", "/api/v1/cases", """
				{"unit":"MIKA","kind":"mika_support","openedOn":"%s","reason":"Stöd",
				 "people":[{"personId":%d,"role":"exposed"}]}""".formatted(LocalDate.now().minusDays(5), person),
				token));
		http().json("POST", "/api/v1/cases/" + caseId + "/consents", """
				{"personId":%d,"kind":"written","givenOn":"%s","scope":"Socialtjänsten i Huddinge"}""".formatted(person,
				LocalDate.now().minusDays(1)), token);
		long referral = se.skyddsnat.support.Json.id(http().json("POST", "/api/v1/cases/" + caseId + "/referrals",
				"""
						{"targetKind":"municipality","municipality":"0126","summary":"Återflyttar till Huddinge.","personIds":[%d]}"""
					.formatted(person),
				token));
		var sent = http().json("POST", "/api/v1/referrals/" + referral + "/send", null, token);
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);

		Http browser = http();
		browser.login(mika, USER_PASSWORD);
		String page = browser.get("/referrals/" + referral).body();
		assertThat(page).contains("Leverans och svar").contains("Hur brevet lämnades");

		// a date in the future is refused, naming the field
		var bad = browser.post("/referrals/" + referral + "/delivery",
				Map.of("deliveredHow", "secure_email", "deliveredOn", LocalDate.now().plusDays(3).toString()));
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("Ange datum då brevet lämnades");
		var garbled = browser.post("/referrals/" + referral + "/delivery",
				Map.of("deliveredHow", "secure_email", "deliveredOn", "igår"));
		assertThat(garbled.statusCode()).isEqualTo(200);
		assertThat(garbled.body()).contains("Ange datum då brevet lämnades");

		String yesterday = LocalDate.now().minusDays(1).toString();
		String formToken = UUID.randomUUID().toString();
		for (int i = 0; i < 2; i++) { // a double submit saves once
			browser.get("/referrals/" + referral);
			var delivered = browser.post("/referrals/" + referral + "/delivery",
					Map.of("deliveredHow", "secure_email", "deliveredOn", yesterday, "idempotencyToken", formToken));
			assertThat(delivered.statusCode()).isEqualTo(302);
		}
		page = browser.get("/referrals/" + referral).body();
		assertThat(page).contains("Säker e-post, " + yesterday + " (registrerat av Test leverans)")
			.contains("Datum för mottagarens svar");

		var badAnswer = browser.post("/referrals/" + referral + "/answer",
				Map.of("answerOn", yesterday, "answerText", ""));
		assertThat(badAnswer.body()).contains("Skriv mottagarens svar");
		browser.get("/referrals/" + referral);
		var answered = browser.post("/referrals/" + referral + "/answer",
				Map.of("answerOn", LocalDate.now().toString(), "answerText", "Huddinge tar emot, handläggare utsedd",
						"idempotencyToken", UUID.randomUUID().toString()));
		assertThat(answered.statusCode()).isEqualTo(302);
		page = browser.get("/referrals/" + referral).body();
		assertThat(page).contains("Huddinge tar emot, handläggare utsedd")
			.contains(LocalDate.now() + " (registrerat av Test leverans)");

		assertThat(jdbc
			.sql("SELECT details FROM audit.audit_log WHERE actor = ? AND kind = 'CHANGE' "
					+ "AND subject_type = 'referral' AND subject_id = ? AND details LIKE 'referral.%' "
					+ "AND (details LIKE 'referral.delivered%' OR details LIKE 'referral.answerRecorded%') ORDER BY id")
			.params(mika, String.valueOf(referral))
			.query(String.class)
			.list()).hasSize(2).first().asString().startsWith("referral.delivered");

		Http kast = http();
		kast.login(createUser("leveranskast", List.of("CASEWORKER"), List.of("KAST")), USER_PASSWORD);
		assertThat(kast.get("/referrals/" + referral).statusCode()).isEqualTo(404);
		kast.get("/");
		assertThat(kast.post("/referrals/" + referral + "/answer", Map.of("answerOn", yesterday, "answerText", "x"))
			.statusCode()).isEqualTo(404);
	}

}
