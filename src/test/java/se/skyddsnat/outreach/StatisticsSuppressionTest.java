package se.skyddsnat.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import se.skyddsnat.shared.DisclosureCheck;
import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/**
 * The case through the API, the page and both files: September 2009 (used by no
 * other test) has one joint shift that met 5 exposed adults from Stockholm and one
 * exposed child from Nacka. With primary suppression only, "Stockholm 5", "Nacka &lt;5"
 * and a total of 6 told that exactly one person from Nacka was met. Now the total is
 * hidden too, and a reader who combines every answer for the period (all, joint and own
 * shifts) and knows every sum the README names cannot work any hidden count out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsSuppressionTest extends IntegrationTest {

	private static final String PERIOD = "from=2009-09-01&to=2009-09-30";

	private String analyst;

	private String token;

	@BeforeAll
	void importSeptember2009() {
		String coordinator = createUser("supp2-coord", List.of("COORDINATOR"), List.of());
		String shifts = """
				ref;date;start_time;end_time;kind;police_operation;arena;municipality;units;notes
				s09-1;2009-09-12;21:00;23:00;joint;raid;apartment;0180;MIKA;
				""";
		var encounters = new StringBuilder(
				"shift_ref;role;gender;age;minor;home_municipality;support_offered;offered_by;accepted\n");
		for (int i = 0; i < 5; i++) {
			encounters.append("s09-1;exposed;female;30;no;0180;yes;MIKA;no\n");
		}
		encounters.append("s09-1;exposed;female;16;yes;0182;yes;MIKA;no\n");
		var imported = http().multipart("/api/v1/outreach/import",
				Map.of("shifts", shifts.getBytes(StandardCharsets.UTF_8), "encounters",
						encounters.toString().getBytes(StandardCharsets.UTF_8)),
				token(coordinator, USER_PASSWORD));
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		analyst = createUser("supp2-analyst", List.of("ANALYST"), List.of());
		token = token(analyst, USER_PASSWORD);
	}

	@Test
	void shouldHideTheTotalThatWouldGiveTheOnePersonFromNackaAway() {
		String exact = api("", false);
		assertThat(exact).contains("{\"code\":\"0180\",\"name\":\"Stockholm\",\"exposed\":5,\"buyers\":0,\"other\":0}")
			.contains("{\"code\":\"0182\",\"name\":\"Nacka\",\"exposed\":1,\"buyers\":0,\"other\":0}")
			.contains("\"exposed\":6");

		String shown = api("", true);
		assertThat(shown).contains("\"suppressed\":true")
			.contains("{\"code\":\"0182\",\"name\":\"Nacka\",\"exposed\":\"<5\",\"buyers\":0,\"other\":0}")
			// Stockholm's 5 stays: hidden, 5 could only grow, so it would not protect
			// Nacka; the total is hidden
			.contains("{\"code\":\"0180\",\"name\":\"Stockholm\",\"exposed\":5,\"buyers\":0,\"other\":0}")
			.contains("\"exposed\":\"x\"")
			.contains("\"encounters\":\"x\"")
			.contains("\"exposedMinors\":\"<5\"")
			.contains("\"weeklyTarget\":4");

		var reader = reader();
		assertThat(reader.derivable()).isEmpty();
		assertThat(reader.otherValue("all.home.0182.exposed")).isBetween(2L, 4L);
		assertThat(reader.otherValue("joint.home.0182.exposed")).isBetween(2L, 4L);
	}

	@Test
	void shouldShowTheSameHiddenCellsOnThePageInTheSentenceAndInBothFiles() throws IOException {
		Http browser = session();
		String page = text(browser.get("/outreach/statistics?" + PERIOD + "&suppress=true").body());
		assertThat(page).contains("Stockholm (0180) 5 0 0 5")
			.contains("Nacka (0182) <5 0 0 <5")
			.contains("Utsatta i prostitution x <5")
			.contains("Alla påträffade x <5")
			.contains("x personer utsatta i prostitution och 0 personer misstänkta för köp av sexuella tjänster")
			.contains("6 av de x personer som påträffats")
			.contains("Lägenhet <5 x")
			.contains("tal som annars skulle låta någon räkna fram dem");
		// the joint shifts' page is the same period's table: the same cells hidden
		assertThat(text(browser.get("/outreach/statistics?" + PERIOD + "&kind=joint&suppress=true").body()))
			.contains("Stockholm (0180) 5 0 0 5")
			.contains("Nacka (0182) <5 0 0 <5")
			.contains("Alla påträffade x <5");

		String csv = new String(browser.download("/outreach/statistics.csv?" + PERIOD + "&suppress=true").body(),
				StandardCharsets.UTF_8);
		assertThat(csv).contains("Påträffade personer;Alla påträffade;Antal;x\r\n")
			.contains("Påträffade per hemkommun;Nacka (0182);Utsatta i prostitution;<5\r\n")
			.contains("Påträffade per hemkommun;Stockholm (0180);Utsatta i prostitution;5\r\n")
			.contains("Stöd;Erbjudits stöd;Andel av påträffade (%);\r\n");

		var xlsx = browser.download("/outreach/statistics.xlsx?" + PERIOD + "&suppress=true");
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			List<String> summary = workbook.getFirstSheet()
				.read()
				.stream()
				.map(r -> r.stream().map(c -> c == null ? "" : c.getText()).collect(Collectors.joining("|")))
				.toList();
			assertThat(summary).contains("Påträffade personer|Alla påträffade|Antal|x",
					"Påträffade per hemkommun|Nacka (0182)|Utsatta i prostitution|<5",
					"Påträffade per hemkommun|Stockholm (0180)|Utsatta i prostitution|5");
		}
	}

	@Test
	void shouldKeepTheWeeklyTargetAndNotTellWhetherAHiddenWeekReachedIt() {
		String page = text(session().get("/outreach/statistics?" + PERIOD + "&suppress=true").body());
		assertThat(page).contains("Samverkanspass med polisen per vecka (mål: 4 per vecka)")
			.contains("v. 37 (2009-09-07) <5 –")
			.contains("v. 38 (2009-09-14) 0 Nej")
			.contains("Målet på 4 samverkanspass nåddes 0 av 5 veckor.")
			.contains("Veckor med dolda tal (1 st.) räknas inte och visas inte i diagrammet.");
		assertThat(api("", true)).contains("{\"weekStart\":\"2009-09-07\",\"jointShifts\":\"<5\"}");
	}

	private DisclosureCheck reader() {
		var exact = new LinkedHashMap<String, String>();
		var shown = new LinkedHashMap<String, String>();
		for (String kind : StatisticsReader.KINDS) {
			String k = kind.equals("all") ? "" : "&kind=" + kind;
			exact.put(kind, api(k, false));
			shown.put(kind, api(k, true));
		}
		return StatisticsReader.of(exact, shown);
	}

	private String api(String kind, boolean suppress) {
		var response = http().json("GET",
				"/api/v1/outreach/statistics?" + PERIOD + kind + (suppress ? "&suppress=true" : ""), null, token);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	private Http session() {
		var browser = http();
		browser.login(analyst, USER_PASSWORD);
		return browser;
	}

	private static String text(String html) {
		return html.replaceAll("(?s)<script.*?</script>", " ")
			.replaceAll("<[^>]+>", " ")
			.replace("&lt;", "<")
			.replace('\u00A0', ' ')
			.replace('\u202F', ' ')
			.replaceAll("\\s+", " ");
	}

}
