package se.skyddsnat.region.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;
import se.skyddsnat.region.Consultations;

/**
 * Consultations in individual cases: the log form, the list, the API and who may see
 * what. Dates in 2008.
 */
public class ConsultationsTest extends IntegrationTest {

	@Autowired
	Consultations consultations;

	@AfterEach
	void clearSecurityContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void shouldLogAConsultationThroughTheFormAndShowItInTheList() {
		String caseworker = createUser("consult", List.of("CASEWORKER"), List.of("MIKA"));
		var browser = http();
		browser.login(caseworker, USER_PASSWORD);

		String form = browser.get("/region/consultations/new").body();
		assertThat(form).contains("Logga konsultation")
			.contains("Skriv inga uppgifter om klienten")
			.contains("<option value=\"MIKA\"")
			.doesNotContain("<option value=\"KAST\"")
			.doesNotContain("<textarea");

		var saved = browser.post("/region/consultations",
				consultation("2008-03-12", "0126", "MIKA", "phone", "minor", "45"));
		assertThat(Http.location(saved)).contains("/region/consultations?from=2008-01-01");

		String list = browser.get(path(saved)).body();
		assertThat(list).contains("Konsultationen är sparad.");
		assertThat(row(list, "2008-03-12")).contains("Huddinge")
			.contains("Mikamottagningen")
			.contains("Telefon")
			.contains("Barn eller ungdom under 18 år")
			.contains(">45<");
		assertThat(browser.get("/region/consultations?from=2008-03-01&to=2008-03-31&municipality=0126").body())
			.contains("1 konsultationer, sammanlagt 45 minuter.");
	}

	@Test
	void shouldNameEachWrongFieldInSwedishAndKeepWhatWasTyped() {
		String caseworker = createUser("consulterr", List.of("CASEWORKER"), List.of("MIKA"));
		var browser = http();
		browser.login(caseworker, USER_PASSWORD);
		browser.get("/region/consultations/new");

		var answer = browser.post("/region/consultations", consultation("2099-01-01", "", "MIKA", "", "gossip", "0"));

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("error-summary")
			.contains("Ange konsultationens datum i formen ÅÅÅÅ-MM-DD, i dag eller tidigare.")
			.contains("Välj kommunen som fick konsultationen.")
			.contains("Välj kanal: telefon, digitalt möte eller fysiskt möte.")
			.contains("Välj vad konsultationen gällde.")
			.contains("Ange tiden i hela minuter, från 1 till 600.")
			.contains("href=\"#minutes\"")
			.contains("aria-invalid=\"true\"")
			.contains("value=\"2099-01-01\"");

		var period = browser.get("/region/consultations?from=2008-12-31&to=2008-01-01").body();
		assertThat(period).contains("Periodens sista dag får inte vara före den första.");
	}

	@Test
	void shouldLetCaseworkersLogOnlyForTheirUnitsAndSeeOnlyTheirUnits() {
		String mika = createUser("consultmika", List.of("CASEWORKER"), List.of("MIKA"));
		String kast = createUser("consultkast", List.of("CASEWORKER"), List.of("KAST"));
		var mikaBrowser = http();
		mikaBrowser.login(mika, USER_PASSWORD);
		mikaBrowser.get("/region/consultations/new");
		var kastBrowser = http();
		kastBrowser.login(kast, USER_PASSWORD);
		kastBrowser.get("/region/consultations/new");

		var refused = mikaBrowser.post("/region/consultations",
				consultation("2008-05-05", "0127", "KAST", "phone", "buyer", "20"));
		assertThat(refused.statusCode()).isEqualTo(403);

		mikaBrowser.get("/region/consultations/new");
		mikaBrowser.post("/region/consultations",
				consultation("2008-05-07", "0127", "MIKA", "digital", "trafficking_suspicion", "30"));
		kastBrowser.post("/region/consultations",
				consultation("2008-05-06", "0127", "KAST", "in_person", "buyer", "60"));

		String mikaList = mikaBrowser.get("/region/consultations?from=2008-05-01&to=2008-05-31").body();
		assertThat(mikaList).contains("2008-05-07").doesNotContain("2008-05-06").doesNotContain("2008-05-05");
		String kastList = kastBrowser.get("/region/consultations?from=2008-05-01&to=2008-05-31").body();
		assertThat(kastList).contains("2008-05-06").doesNotContain("2008-05-07");

		var manager = http();
		manager.login(createUser("consultmgr", List.of("MANAGER"), List.of()), USER_PASSWORD);
		String all = manager.get("/region/consultations?from=2008-05-01&to=2008-05-31").body();
		assertThat(all).contains("2008-05-07")
			.contains("2008-05-06")
			.doesNotContain("2008-05-05")
			.doesNotContain("Logga konsultation</a>");
		assertThat(manager.get("/region/consultations/new").statusCode()).isEqualTo(403);

		var analyst = http();
		analyst.login(createUser("consultana", List.of("ANALYST"), List.of()), USER_PASSWORD);
		assertThat(analyst.get("/region/consultations?from=2008-05-01&to=2008-05-31").body()).contains("2008-05-07")
			.contains("2008-05-06");
		assertThat(analyst.get("/region/consultations/new").statusCode()).isEqualTo(403);
	}

	/**
	 * Issue 11: the project leader (COORDINATOR, no unit of their own) gives
	 * consultations and logs them (403 before).
	 */
	@Test
	void shouldLetTheProjectLeaderLogAConsultation() {
		var leader = http();
		leader.login(createUser("consultpl", List.of("COORDINATOR"), List.of()), USER_PASSWORD);
		var form = leader.get("/region/consultations/new");
		assertThat(form.statusCode()).isEqualTo(200);
		var saved = leader.post("/region/consultations",
				consultation("2008-06-11", "0127", "RK_VUXNA", "phone", "buyer", "25"));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(leader.get("/region/consultations?from=2008-06-01&to=2008-06-30").body()).contains("2008-06-11");
	}

	@Test
	void shouldLogAndListThroughTheApiNamingWrongFields() {
		String caseworker = createUser("consultapi", List.of("CASEWORKER"), List.of("STODCENTRUM"));
		String token = token(caseworker, USER_PASSWORD);

		var created = http().json("POST", "/api/v1/region/consultations", """
				{"date":"2008-06-10","municipality":"0138","unit":"STODCENTRUM","channel":"digital",
				 "topic":"other","minutes":25}""", token);
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.body()).matches("\\{\"id\":\\d+}");

		var bad = http().json("POST", "/api/v1/region/consultations", """
				{"date":"2008-06-11","municipality":"9999","unit":"STODCENTRUM","channel":"fax",
				 "topic":"other","minutes":601}""", token);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(bad.body()).contains("\"field\":\"municipality\"")
			.contains("{\"field\":\"channel\",\"message\":\"Välj kanal: telefon, digitalt möte eller fysiskt möte.\"}")
			.contains("{\"field\":\"minutes\",\"message\":\"Ange tiden i hela minuter, från 1 till 600.\"}");

		var otherUnit = http().json("POST", "/api/v1/region/consultations",
				"""
						{"date":"2008-06-12","municipality":"0138","unit":"MIKA","channel":"phone","topic":"other","minutes":5}""",
				token);
		assertThat(otherUnit.statusCode()).isEqualTo(403);

		var list = http().json("GET", "/api/v1/region/consultations?from=2008-06-01&to=2008-06-30", null, token);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body())
			.contains("\"date\":\"2008-06-10\",\"municipality\":\"0138\",\"municipalityName\":\"Tyresö\","
					+ "\"unit\":\"STODCENTRUM\",\"channel\":\"digital\",\"topic\":\"other\",\"minutes\":25")
			.doesNotContain("2008-06-11")
			.doesNotContain("2008-06-12");

		var badPeriod = http().json("GET", "/api/v1/region/consultations?from=2008-06-01&to=juni", null, token);
		assertThat(badPeriod.statusCode()).isEqualTo(400);
		assertThat(badPeriod.body()).contains("\"field\":\"to\"");
	}

	@Test
	void shouldCountConsultationsPerMunicipalityOverAllUnits() {
		String mika = createUser("consultcount", List.of("CASEWORKER"), List.of("MIKA", "KAST"));
		String token = token(mika, USER_PASSWORD);
		for (String[] c : List.of(new String[] { "2008-09-01", "0127", "MIKA" },
				new String[] { "2008-09-30", "0127", "KAST" }, new String[] { "2008-09-15", "0140", "MIKA" },
				new String[] { "2008-10-01", "0140", "MIKA" })) {
			var answer = http().json(
					"POST", "/api/v1/region/consultations", "{\"date\":\"" + c[0] + "\",\"municipality\":\"" + c[1]
							+ "\",\"unit\":\"" + c[2] + "\",\"channel\":\"phone\",\"topic\":\"other\",\"minutes\":10}",
					token);
			assertThat(answer.statusCode()).isEqualTo(201);
		}
		// the usage report will call this as an analyst, who belongs to no unit
		var analyst = new CurrentUser(-1, "analyst-report", "Analytiker", Set.of(Role.ANALYST), new TreeSet<>(), false);
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(analyst, null, "ROLE_ANALYST"));

		Map<MunicipalityCode, Long> counts = consultations.countByMunicipality(LocalDate.of(2008, 9, 1),
				LocalDate.of(2008, 9, 30));

		assertThat(counts).hasSize(27)
			.containsEntry(MunicipalityCode.of("0127"), 2L)
			.containsEntry(MunicipalityCode.of("0140"), 1L)
			.containsEntry(MunicipalityCode.of("0180"), 0L);
	}

	private static Map<String, String> consultation(String date, String municipality, String unit, String channel,
			String topic, String minutes) {
		var form = new LinkedHashMap<String, String>();
		form.put("date", date);
		form.put("municipality", municipality);
		form.put("unit", unit);
		form.put("channel", channel);
		form.put("topic", topic);
		form.put("minutes", minutes);
		return form;
	}

	private static String path(java.net.http.HttpResponse<?> redirect) {
		return Http.location(redirect).replaceFirst("^https?://[^/]+", "");
	}

	/** The table row that holds the text. */
	public static String row(String html, String text) {
		int at = html.indexOf(text);
		assertThat(at).as("page shows " + text).isNotNegative();
		int start = html.lastIndexOf("<tr", at);
		int end = html.indexOf("</tr>", at);
		return html.substring(start, end);
	}

}
