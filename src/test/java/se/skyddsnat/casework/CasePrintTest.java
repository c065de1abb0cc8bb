package se.skyddsnat.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/**
 * The print view of a case: the secrecy header and the reader's name on it, the people (a
 * protected identity masked until "Visa identiteten", which is logged), the case's facts
 * and its signed journal in order; printing is audited as an export; another unit's case
 * does not exist.
 */
class CasePrintTest extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void shouldPrintUnderTheSecrecyHeaderWithTheReaderAndMaskProtectedIdentitiesUntilShown() {
		String mika = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String token = token(mika, USER_PASSWORD);
		String name = "Sara Skog-" + Numbers.suffix();
		long person = JSON
			.readTree(
					http()
						.json("POST", "/api/v1/people",
								"""
										{"personalNumber":"%s","name":"%s","alias":"Stjärnan","gender":"female","unit":"MIKA",
										 "protection":"marking","confirmDuplicate":true}"""
									.formatted(Numbers.personnummer(), name),
								token)
						.body())
			.get("id")
			.asLong();
		long caseId = JSON
			.readTree(
					http()
						.json("POST", "/api/v1/cases",
								"""
										{"unit":"MIKA","kind":"mika_support","openedOn":"%s","reason":"Stöd efter tillslag",
										 "people":[{"personId":%d,"role":"exposed"}]}"""
									.formatted(LocalDate.now().minusDays(5), person),
								token)
						.body())
			.get("id")
			.asLong();
		Http browser = http();
		browser.login(mika, USER_PASSWORD);
		browser.get("/cases/" + caseId);
		for (String note : List.of("Första samtalet om boende", "Andra samtalet om stöd")) {
			browser.get("/cases/" + caseId);
			var signed = browser.post("/cases/" + caseId + "/journal",
					Map.of("date", LocalDate.now().minusDays(note.startsWith("Första") ? 3 : 1).toString(), "kind",
							"support_talk", "channel", "in_person", "minutes", "45", "note", note, "action", "sign"));
			assertThat(signed.statusCode()).isEqualTo(302);
		}

		String page = browser.get("/cases/" + caseId + "/print").body();
		assertThat(page).contains("Sekretess enligt OSL 26 kap. 1 §")
			.contains("Utskriven av Test mika")
			.contains("Skyddad identitet")
			.contains("Stjärnan")
			.doesNotContain(name)
			.contains("Stöd efter tillslag")
			.contains("Visa identiteten i utskriften");
		assertThat(page.indexOf("Första samtalet om boende")).isPositive()
			.isLessThan(page.indexOf("Andra samtalet om stöd"));
		assertThat(jdbc
			.sql("SELECT count(*) FROM audit.audit_log WHERE actor = ? AND kind = 'READ' "
					+ "AND subject_type = 'case' AND subject_id = ? AND purpose = 'export' AND details = 'print'")
			.params(mika, String.valueOf(caseId))
			.query(Long.class)
			.single()).isEqualTo(1);

		String revealed = browser.post("/cases/" + caseId + "/print", Map.of()).body();
		assertThat(revealed).contains(name)
			.contains("Sekretess enligt OSL 26 kap. 1 §")
			.doesNotContain("Visa identiteten i utskriften");
		assertThat(jdbc
			.sql("SELECT count(*) FROM audit.audit_log WHERE actor = ? AND kind = 'READ' "
					+ "AND subject_type = 'person' AND subject_id = ? AND purpose = 'show protected identity'")
			.params(mika, String.valueOf(person))
			.query(Long.class)
			.single()).isEqualTo(1);

		// the trafficking track prints only once something is recorded on it
		assertThat(page).doesNotContain("Människohandelsspåret");
		String track = "/api/v1/cases/" + caseId + "/track";
		for (var record : List.of(
				List.of("/housing",
						"{\"from\":\"" + LocalDate.now().minusDays(4) + "\",\"to\":null,"
								+ "\"provider\":\"Skyddat boende Ekgården\"}"),
				List.of("/permits",
						"{\"kind\":\"reflection_period\",\"appliedOn\":\"" + LocalDate.now().minusDays(3)
								+ "\",\"decision\":null,\"decidedOn\":null,\"validUntil\":null}"),
				List.of("/contacts",
						"{\"date\":\"" + LocalDate.now().minusDays(2)
								+ "\",\"kind\":\"police_interview\",\"note\":\"Förhör om resan hit\"}"),
				List.of("/returns", "{\"appliedOn\":\"" + LocalDate.now().minusDays(1) + "\",\"returnDate\":null}"))) {
			var answer = http().json("POST", track + record.get(0), record.get(1), token);
			assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		}
		String withTrack = browser.get("/cases/" + caseId + "/print").body();
		assertThat(withTrack).contains("Människohandelsspåret")
			.contains("Skyddat boende Ekgården")
			.contains("Betänketid")
			.contains("Förhör om resan hit")
			.contains("IOM:s program för frivilligt återvändande")
			.contains(LocalDate.now().minusDays(1).toString())
			.doesNotContain("Lägg till placering");

		Http other = http();
		other.login(createUser("kast", List.of("CASEWORKER"), List.of("KAST")), USER_PASSWORD);
		assertThat(other.get("/cases/" + caseId + "/print").statusCode()).isEqualTo(404);
	}

}
