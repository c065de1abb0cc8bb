package se.skyddsnat.casework.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

import se.skyddsnat.casework.Numbers;
import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;
import se.skyddsnat.support.Json;

/**
 * A person's register extract: a manager of one unit gets, for a personnummer, every
 * record of the person in every unit — both units' person records, cases, journal (signed
 * and draft), track, referral, consent, emergency access and the log of who read them —
 * in a PDF marked with its secrecy and the considerations for the other people in a case,
 * whose own data stays out. Producing it is audited; a caseworker may not.
 */
class RegisterExtractTest extends IntegrationTest {

	@Test
	void shouldHoldEveryRecordOfThePersonInEveryUnitAndBeAudited() throws Exception {
		String pn = Numbers.personnummer();
		String mark = Numbers.suffix();
		String mika = token(createUser("mika", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);
		String kast = token(createUser("kast", List.of("CASEWORKER"), List.of("KAST")), USER_PASSWORD);

		long mikaPerson = Json.id(http().json("POST", "/api/v1/people", """
				{"personalNumber":"%s","name":"Åsa Öberg-%s","gender":"female","unit":"MIKA"}""".formatted(pn, mark),
				mika));
		long kastPerson = Json.id(http().json("POST", "/api/v1/people", """
				{"personalNumber":"%s","name":"Åsa Öberg-%s","gender":"female","unit":"KAST"}""".formatted(pn, mark),
				kast));
		String relativeAlias = "Syster-" + mark;
		long relative = Json.id(http().json("POST", "/api/v1/people", """
				{"alias":"%s","gender":"female","unit":"MIKA"}""".formatted(relativeAlias), mika));
		long mikaCase = Json.id(http().json("POST", "/api/v1/cases", """
				{"unit":"MIKA","kind":"trafficking","openedOn":"2026-01-05","reason":"Utsatt för människohandel %s",
				 "people":[{"personId":%d,"role":"exposed"},{"personId":%d,"role":"relative"}]}""".formatted(mark,
				mikaPerson, relative), mika));
		long kastCase = Json.id(http().json("POST", "/api/v1/cases", """
				{"unit":"KAST","kind":"kast_counselling","openedOn":"2026-02-01","reason":"Samtalsstöd %s",
				 "people":[{"personId":%d,"role":"exposed"}]}""".formatted(mark, kastPerson), kast));
		assertThat(http().json("POST", "/api/v1/cases/" + mikaCase + "/journal", """
				{"date":"2026-02-03","kind":"accompaniment","channel":"in_person","minutes":60,
				 "note":"Följde med till förhör på Södermalm %s","sign":true}""".formatted(mark), mika).statusCode())
			.isEqualTo(201);
		assertThat(http()
			.json("POST", "/api/v1/cases/" + kastCase + "/journal",
					"""
							{"date":"2026-02-04","kind":"counselling","channel":"phone","minutes":30,"note":"Utkast om samtal %s"}"""
						.formatted(mark),
					kast)
			.statusCode()).isEqualTo(201);
		assertThat(
				http()
					.json("POST", "/api/v1/cases/" + mikaCase + "/track/contacts",
							"""
									{"date":"2026-02-10","kind":"police_interview","note":"Förhör hos polisen %s"}"""
								.formatted(mark),
							mika)
					.statusCode())
			.isEqualTo(201);
		assertThat(http()
			.json("POST", "/api/v1/cases/" + mikaCase + "/consents",
					"""
							{"personId":%d,"kind":"written","givenOn":"2026-02-11","scope":"Kontakt med KAST %s"}"""
						.formatted(mikaPerson, mark),
					mika)
			.statusCode()).isEqualTo(201);
		long referral = Json.id(http().json("POST", "/api/v1/cases/" + mikaCase + "/referrals", """
				{"targetKind":"unit","unit":"KAST","summary":"Överlämning för samtal %s","personIds":[%d]}"""
			.formatted(mark, mikaPerson), mika));
		assertThat(http().json("GET", "/api/v1/people/" + kastPerson, null, kast).statusCode()).isEqualTo(200);

		String managerName = createUser("chef", List.of("MANAGER"), List.of("STODCENTRUM"));
		var manager = http();
		manager.login(managerName, USER_PASSWORD);
		assertThat(manager.get("/").body()).contains("href=\"/casework/extract\"");
		manager.get("/casework/extract");
		var pdf = manager.postForDownload("/casework/extract", Map.of("personalNumber", pn));
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).doesNotContain(pn.substring(2, 8));
		String text = text(pdf.body()).replaceAll("\\s+", " ");

		assertThat(text).contains("Sekretess enligt OSL 26 kap. 1 §")
			.contains("Personpost " + mikaPerson + " i enheten MIKA")
			.contains("Personpost " + kastPerson + " i enheten KAST")
			.contains("Åsa Öberg-" + mark)
			.contains("Ärende " + mikaCase + " i enheten MIKA")
			.contains("Ärende " + kastCase + " i enheten KAST")
			.contains("Utsatt för människohandel " + mark)
			.contains("Samtalsstöd " + mark)
			.contains("Följde med till förhör på Södermalm " + mark)
			.contains("Utkast om samtal " + mark)
			.contains("Förhör hos polisen " + mark)
			.contains("Kontakt med KAST " + mark)
			.contains("Remiss " + referral + " från enheten MIKA")
			.contains("Överlämning för samtal " + mark)
			// who read the records: the KAST caseworker's read of the person is in the
			// log
			.contains("Vem som har läst eller ändrat uppgifterna")
			// the other person in the case is counted and flagged, never shown
			.contains("Ärendet rör även 1 andra personer (relative)")
			.doesNotContain(relativeAlias);

		assertThat(audit().by(managerName)
			.kind("READ")
			.where("purpose = ?", "register extract")
			.where("subject_type = ?", "person")
			.where("? = ANY(subject_ids)", String.valueOf(kastPerson))
			.count()).isEqualTo(1);
		assertThat(audit().by(managerName)
			.kind("READ")
			.where("purpose = ?", "register extract")
			.where("subject_type = ?", "case")
			.where("? = ANY(subject_ids)", String.valueOf(mikaCase))
			.count()).isEqualTo(1);

		// a caseworker may not, and a wrong number is answered on the form
		var caseworker = http();
		caseworker.login(createUser("cw", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);
		assertThat(caseworker.get("/casework/extract").statusCode()).isEqualTo(403);
		var wrong = manager.post("/casework/extract", Map.of("personalNumber", "19900101-0000"));
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("href=\"#personalNumber\"");
	}

	private static String text(byte[] pdf) {
		try {
			var reader = new PdfReader(pdf);
			var extractor = new PdfTextExtractor(reader);
			var text = new StringBuilder();
			for (int page = 1; page <= reader.getNumberOfPages(); page++) {
				text.append(extractor.getTextFromPage(page)).append('\n');
			}
			return text.toString();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
