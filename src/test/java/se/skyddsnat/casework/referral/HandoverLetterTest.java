package se.skyddsnat.casework.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import tools.jackson.databind.json.JsonMapper;

import se.skyddsnat.casework.Numbers;
import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/**
 * The handover letter of a sent external referral, downloaded as a user does and read
 * back with OpenPDF's text extractor: the recipient, the summary, every person the
 * referral names (and nobody else of the case) with the consent, the sender by name and
 * unit, the secrecy line on every page, å/ä/ö intact; producing it audited as an export;
 * a draft has none; another unit does not see it.
 */
class HandoverLetterTest extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void shouldProduceTheLetterWithTheRecipientThePeopleNamedAndTheSecrecyLineOnEveryPage() throws Exception {
		String mika = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String token = token(mika, USER_PASSWORD);
		String named = "Åsa Öberg-" + Numbers.suffix();
		String other = "Lisa Ärlig-" + Numbers.suffix();
		long a = person(token, named);
		long b = person(token, other);
		long caseId = se.skyddsnat.support.Json.id(http().json("POST", "/api/v1/cases", """
				{"unit":"MIKA","kind":"mika_support","openedOn":"%s","reason":"Stöd",
				 "people":[{"personId":%d,"role":"exposed"},{"personId":%d,"role":"relative"}]}"""
			.formatted(LocalDate.now().minusDays(5), a, b), token));
		http().json("POST", "/api/v1/cases/" + caseId + "/consents", """
				{"personId":%d,"kind":"written","givenOn":"%s","scope":"Socialtjänsten i Huddinge, fortsatt stöd"}"""
			.formatted(a, LocalDate.now().minusDays(1)), token);
		// a long summary, so that the letter runs over more than one page
		var summary = new StringBuilder("Återflyttar till Huddinge och behöver fortsatt stöd. ");
		for (int i = 0; i < 60; i++) {
			summary.append("Rad ").append(i).append(": samtal om boende, sysselsättning och trygghet.\\n");
		}
		long referral = se.skyddsnat.support.Json.id(http().json("POST", "/api/v1/cases/" + caseId + "/referrals", """
				{"targetKind":"municipality","municipality":"0126","summary":"%s","personIds":[%d]}"""
			.formatted(summary, a), token));

		Http browser = http();
		browser.login(mika, USER_PASSWORD);
		assertThat(browser.download("/referrals/" + referral + "/letter.pdf").statusCode()).isEqualTo(409);
		var sent = http().json("POST", "/api/v1/referrals/" + referral + "/send", null, token);
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
		assertThat(browser.get("/referrals/" + referral).body()).contains("Överlämningsbrev (PDF)");

		var download = browser.download("/referrals/" + referral + "/letter.pdf");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		var reader = new PdfReader(download.body());
		var extractor = new PdfTextExtractor(reader);
		assertThat(reader.getNumberOfPages()).isGreaterThan(1);
		var pages = new ArrayList<String>();
		for (int p = 1; p <= reader.getNumberOfPages(); p++) {
			pages.add(extractor.getTextFromPage(p));
		}
		pages.forEach(page -> assertThat(page).contains("Sekretess enligt OSL 26 kap. 1 §"));
		String text = String.join("\n", pages).replaceAll("\\s+", " "); // lines wrap
																		// where the page
																		// is full
		assertThat(text).contains("Mottagare")
			.contains("Huddinge")
			.contains("Återflyttar till Huddinge")
			.contains(named)
			.contains("Socialtjänsten i Huddinge, fortsatt stöd")
			.contains("Test mika")
			.doesNotContain(other);
		assertThat(jdbc
			.sql("SELECT count(*) FROM audit.audit_log WHERE actor = ? AND kind = 'READ' "
					+ "AND subject_type = 'referral' AND subject_id = ? AND purpose = 'export'")
			.params(mika, String.valueOf(referral))
			.query(Long.class)
			.single()).isEqualTo(1);

		Http kast = http();
		kast.login(createUser("kast", List.of("CASEWORKER"), List.of("KAST")), USER_PASSWORD);
		assertThat(kast.download("/referrals/" + referral + "/letter.pdf").statusCode()).isEqualTo(404);
	}

	private long person(String token, String name) {
		return se.skyddsnat.support.Json.id(http().json("POST", "/api/v1/people", """
				{"personalNumber":"%s","name":"%s","gender":"female","unit":"MIKA","confirmDuplicate":true}"""
			.formatted(Numbers.personnummer(), name), token));
	}

}
