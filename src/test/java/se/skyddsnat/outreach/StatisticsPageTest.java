package se.skyddsnat.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/**
 * The statistics page, its report sentence and both exports, over a month whose figures
 * are worked out by hand below (March 2011, used by no other test): 7 joint shifts (6 in
 * the week of 7 March, 3 raids, 4 surveillance) and 2 own; 13 people met on joint shifts
 * — 7 exposed (2 under 18), 5 buyers (1 under 18), 1 other; 12 offered support, 4
 * accepted; homes 0180 ×8, 0114 ×3, abroad 1, unknown 1. The own shifts met 2 exposed
 * adults from 0180, both offered support, 1 accepted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsPageTest extends IntegrationTest {

	private static final String MARCH = "from=2011-03-01&to=2011-03-31";

	private String analyst;

	@BeforeAll
	void importMarch2011() {
		String coordinator = createUser("stat-coord", List.of("COORDINATOR"), List.of());
		String shifts = """
				ref;date;start_time;end_time;kind;police_operation;arena;municipality;units;notes
				m-j1;2011-03-07;20:00;23:00;joint;raid;apartment;0180;MIKA|KAST;
				m-j2;2011-03-08;;;joint;raid;apartment;0180;MIKA;
				m-j3;2011-03-09;;;joint;raid;apartment;0180;MIKA;
				m-j4;2011-03-10;;;joint;surveillance;street;0180;MIKA;
				m-j5;2011-03-11;;;joint;surveillance;street;0180;KAST;
				m-j6;2011-03-12;;;joint;surveillance;street;0180;KAST;
				m-j7;2011-03-15;;;joint;surveillance;hotel;0180;MIKA;
				m-o1;2011-03-20;;;own;;online;0180;MIKA;
				m-o2;2011-03-28;;;own;;street;0180;MIKA;
				""";
		String encounters = """
				shift_ref;role;gender;age;minor;home_municipality;support_offered;offered_by;accepted
				m-j1;exposed;female;16;yes;0180;yes;MIKA;yes
				m-j1;exposed;female;25;no;0180;yes;MIKA;yes
				m-j1;buyer;male;40;no;0180;yes;KAST;no
				m-j2;exposed;female;17;yes;0114;yes;MIKA;no
				m-j2;buyer;male;17;yes;0114;yes;KAST;yes
				m-j2;exposed;female;;unknown;abroad;yes;MIKA;unknown
				m-j3;exposed;female;30;no;0180;yes;MIKA;no
				m-j3;buyer;male;50;no;0180;yes;KAST;yes
				m-j4;exposed;female;28;no;0180;no;;unknown
				m-j5;buyer;male;35;no;0114;yes;KAST;no
				m-j5;other;male;30;no;unknown;yes;MIKA;unknown
				m-j6;buyer;male;45;no;0180;yes;KAST;no
				m-j7;exposed;female;33;no;0180;yes;MIKA;no
				m-o1;exposed;female;24;no;0180;yes;MIKA;yes
				m-o2;exposed;female;29;no;0180;yes;MIKA;no
				""";
		var imported = http().multipart("/api/v1/outreach/import", Map.of("shifts",
				shifts.getBytes(StandardCharsets.UTF_8), "encounters", encounters.getBytes(StandardCharsets.UTF_8)),
				token(coordinator, USER_PASSWORD));
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		analyst = createUser("stat-analyst", List.of("ANALYST"), List.of());
	}

	@Test
	void shouldShowTheMonthsFiguresAndTheReportSentence() {
		var page = session().get("/outreach/statistics?" + MARCH);
		assertThat(page.statusCode()).isEqualTo(200);
		String html = page.body();

		assertThat(text(html)).contains("Mellan 1 mars 2011 och 31 mars 2011 genomförde verksamheterna 7 arbetspass "
				+ "tillsammans med polisen i samband med spaning eller tillslag. 7 personer utsatta i prostitution och "
				+ "5 personer misstänkta för köp av sexuella tjänster har påträffats. Av dessa var 2 personer under 18 år "
				+ "utsatta i prostitution och 1 personer under 18 år köpare av sexuella tjänster. 12 av de 13 personer "
				+ "som påträffats har erbjudits stöd av förvaltningens verksamheter.");
		String rows = text(html);
		assertThat(rows).contains("Alla pass 9")
			.contains("Samverkan med polisen 7")
			.contains("Spaning 4")
			.contains("Tillslag 3")
			.contains("Eget uppsökande 2");
		assertThat(rows).contains("Utsatta i prostitution 9 2")
			.contains("Misstänkta sexköpare 5 1")
			.contains("Övriga 1 0")
			.contains("Alla påträffade 15 3");
		assertThat(rows).contains("Erbjudits stöd 14 93,3 %").contains("Tackat ja till stöd 5 35,7 %");
		assertThat(rows).contains("Stockholm (0180) 7 3 0 10")
			.contains("Upplands Väsby (0114) 1 2 0 3")
			.contains("Utomlands 1 0 0 1")
			.contains("Okänd hemkommun 0 0 1 1");
		assertThat(rows).contains("Lägenhet 3 8").contains("Gata 4 5").contains("Hotell 1 1").contains("Internet 1 1");
		assertThat(rows).contains("Målet på 4 samverkanspass nåddes 1 av 5 veckor.")
			.contains("v. 10 (2011-03-07) 6 Ja")
			.contains("v. 11 (2011-03-14) 1 Nej");
		assertThat(html).contains("data-chart=\"weekly-chart-data\"").contains("\"target\":4");
	}

	@Test
	void shouldHideSmallCountsWhenAsked() {
		String rows = text(session().get("/outreach/statistics?" + MARCH + "&suppress=true").body());
		assertThat(rows).contains("Av dessa var <5 personer under 18 år utsatta i prostitution och <5 personer under "
				+ "18 år köpare av sexuella tjänster.");
		// 9 shifts beside 7 joint ones would give the 2 own shifts away: the 9 is hidden
		// (secondary suppression)
		assertThat(rows).contains("Alla pass x")
			.contains("Samverkan med polisen 7")
			.contains("Eget uppsökande <5")
			.contains("Spaning <5")
			.contains("Tillslag <5")
			.contains("Upplands Väsby (0114) <5 <5 0 <5")
			.contains("Övriga <5 0");
		// a hidden week neither shows whether it reached the target nor counts in the
		// summary
		assertThat(rows).contains("v. 10 (2011-03-07) x –")
			.contains("v. 11 (2011-03-14) <5 –")
			.contains("Målet på 4 samverkanspass nåddes 0 av 5 veckor. Veckor med dolda tal (2 st.)");

		var reader = StatisticsReader.of(api(false), api(true));
		assertThat(reader.derivable()).isEmpty();

		String own = text(session().get("/outreach/statistics?" + MARCH + "&kind=own&suppress=true").body());
		// two people met: the count and any share of it would identify them
		assertThat(own).contains("Erbjudits stöd <5 –").contains("Tackat ja till stöd <5 –");
	}

	@Test
	void shouldExportTheSameFiguresAsCsvAndXlsx() throws IOException {
		Http browser = session();
		var csv = browser.download("/outreach/statistics.csv?" + MARCH);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
			.contains("uppsokande-2011-03-01-2011-03-31.csv");
		String file = new String(csv.body(), StandardCharsets.UTF_8);
		assertThat(file).startsWith("\uFEFFAvsnitt;Post;Mått;Värde\r\n");
		assertThat(file).contains("Pass;Alla pass;Antal;9\r\n")
			.contains("Påträffade personer;Utsatta i prostitution;varav under 18 år;2\r\n")
			.contains("Stöd;Erbjudits stöd;Andel av påträffade (%);93,3\r\n")
			.contains("Påträffade per hemkommun;Upplands Väsby (0114);Misstänkta sexköpare;2\r\n")
			.contains("Samverkanspass per vecka;v. 10 (2011-03-07);Samverkan med polisen;6\r\n");

		String suppressed = new String(browser.download("/outreach/statistics.csv?" + MARCH + "&suppress=true").body(),
				StandardCharsets.UTF_8);
		assertThat(suppressed).contains("Påträffade personer;Utsatta i prostitution;varav under 18 år;<5\r\n")
			.contains("Pass;Alla pass;Antal;x\r\n")
			.contains("Pass;Samverkan med polisen;Antal;7\r\n");

		var xlsx = browser.download("/outreach/statistics.xlsx?" + MARCH);
		assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			List<Sheet> sheets = workbook.getSheets().toList();
			assertThat(sheets).extracting(Sheet::getName).containsExactly("Sammanfattning", "Per vecka");
			List<String> summary = lines(sheets.get(0));
			assertThat(summary.get(3)).startsWith("Mellan 1 mars 2011 och 31 mars 2011 genomförde verksamheterna 7");
			assertThat(summary).contains("Pass|Alla pass|Antal|9", "Stöd|Tackat ja till stöd|Antal|5",
					"Per arena|Lägenhet|Påträffade|8");
			assertThat(lines(sheets.get(1))).contains("2011-03-07|v. 10 (2011-03-07)|6|4|Ja",
					"2011-03-14|v. 11 (2011-03-14)|1|4|Nej");
		}
		assertThat(audit().by(analyst).subject("outreach-statistics").count()).isEqualTo(3);
	}

	@Test
	void shouldSpeakEnglishOnRequest() {
		assertThat(text(session().get("/outreach/statistics?" + MARCH + "&lang=en").body()))
			.contains("Between 1 March 2011 and 31 March 2011 the units carried out 7 shifts together with the police");
	}

	@Test
	void shouldNameTheFieldOfABadPeriodAndRefuseCaseworkers() {
		var bad = session().get("/outreach/statistics?from=2011-03-31&to=2011-03-01");
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("Formuläret har fel")
			.contains("href=\"#to\"")
			.contains("Periodens sista dag får inte vara före den första.")
			.doesNotContain("report-sentence");
		assertThat(session().get("/outreach/statistics?from=31/3&to=2011-03-01").body())
			.contains("Ange periodens första dag i formen ÅÅÅÅ-MM-DD.");
		assertThat(session().download("/outreach/statistics.csv?from=x&to=2011-03-01").statusCode()).isEqualTo(400);

		var caseworker = http();
		caseworker.login(createUser("stat-cw", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);
		assertThat(caseworker.get("/outreach/statistics?" + MARCH).statusCode()).isEqualTo(403);
		assertThat(caseworker.download("/outreach/statistics.csv?" + MARCH).statusCode()).isEqualTo(403);
	}

	/** The API's answers for March 2011 per kind ("all", "joint", "own"). */
	private Map<String, String> api(boolean suppress) {
		String token = token(analyst, USER_PASSWORD);
		var answers = new java.util.LinkedHashMap<String, String>();
		for (String kind : StatisticsReader.KINDS) {
			var response = http().json("GET", "/api/v1/outreach/statistics?" + MARCH
					+ (kind.equals("all") ? "" : "&kind=" + kind) + (suppress ? "&suppress=true" : ""), null, token);
			assertThat(response.statusCode()).isEqualTo(200);
			answers.put(kind, response.body());
		}
		return answers;
	}

	private Http session() {
		var browser = http();
		browser.login(analyst, USER_PASSWORD);
		return browser;
	}

	/**
	 * The page's visible text with tags removed and whitespace collapsed: "Alla pass 9".
	 */
	private static String text(String html) {
		return html.replaceAll("(?s)<script.*?</script>", " ")
			.replaceAll("<[^>]+>", " ")
			.replace("&lt;", "<")
			.replace('\u00A0', ' ')
			.replace('\u202F', ' ')
			.replaceAll("\\s+", " ");
	}

	private static List<String> lines(Sheet sheet) throws IOException {
		return sheet.read().stream().map(StatisticsPageTest::cells).toList();
	}

	private static String cells(Row row) {
		return row.stream().map(c -> c == null ? "" : c.getText()).collect(Collectors.joining("|"));
	}

}
