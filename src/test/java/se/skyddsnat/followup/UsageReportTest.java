package se.skyddsnat.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import se.skyddsnat.outreach.StatisticsReader;
import se.skyddsnat.shared.DisclosureCheck;
import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/**
 * Usage per municipality over 2007 (a year no other test gives shifts or consultations),
 * worked out by hand: two shifts meet Huddinge 6 exposed and 2 buyers (one notice per
 * shift: 2), Nacka 3 exposed (2 notices), Stockholm 5 exposed (the host: no notice),
 * abroad 1 exposed, unknown home 1 buyer; consultations Huddinge 3 (a fourth on
 * 2006-12-31 is outside the period), Nacka 1, Solna 5 and Gotland 1 (outside the 2007
 * offer area). Sums: 15 exposed, 3 buyers, 10 consultations, 4 notices.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageReportTest extends IntegrationTest {

	private static final String YEAR = "from=2007-01-01&to=2007-12-31";

	private String analyst;

	private long huddingeShare;

	private long total;

	private int areaSize;

	@BeforeAll
	void recordTheYear() {
		String coordinator = createUser("usage-coord", List.of("COORDINATOR"), List.of());
		String shifts = """
				ref;date;start_time;end_time;kind;police_operation;arena;municipality;units;notes
				usage07-1;2007-03-10;21:00;23:30;joint;raid;apartment;0180;MIKA;
				usage07-2;2007-06-15;;;own;;street;0180;MIKA;
				""";
		var encounters = new StringBuilder(
				"shift_ref;role;gender;age;minor;home_municipality;support_offered;offered_by;accepted\n");
		encounter(encounters, "usage07-1", "exposed", "0126", 4);
		encounter(encounters, "usage07-1", "buyer", "0126", 1);
		encounter(encounters, "usage07-1", "exposed", "0182", 1);
		encounter(encounters, "usage07-1", "exposed", "0180", 5);
		encounter(encounters, "usage07-1", "exposed", "abroad", 1);
		encounter(encounters, "usage07-1", "buyer", "unknown", 1);
		encounter(encounters, "usage07-2", "exposed", "0126", 2);
		encounter(encounters, "usage07-2", "buyer", "0126", 1);
		encounter(encounters, "usage07-2", "exposed", "0182", 2);
		var imported = http().multipart("/api/v1/outreach/import",
				Map.of("shifts", shifts.getBytes(StandardCharsets.UTF_8), "encounters",
						encounters.toString().getBytes(StandardCharsets.UTF_8)),
				token(coordinator, USER_PASSWORD));
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

		String caseworker = token(createUser("usage-cw", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);
		for (String[] c : List.of(new String[] { "2007-02-01", "0126" }, new String[] { "2007-05-05", "0126" },
				new String[] { "2007-12-31", "0126" }, new String[] { "2006-12-31", "0126" },
				new String[] { "2007-04-04", "0182" }, new String[] { "2007-01-01", "0184" },
				new String[] { "2007-02-02", "0184" }, new String[] { "2007-03-03", "0184" },
				new String[] { "2007-08-08", "0184" }, new String[] { "2007-09-09", "0184" },
				new String[] { "2007-10-10", "0980" })) {
			var logged = http().json("POST", "/api/v1/region/consultations",
					"{\"date\":\"" + c[0] + "\",\"municipality\":\"" + c[1]
							+ "\",\"unit\":\"MIKA\",\"channel\":\"phone\",\"topic\":\"other\",\"minutes\":15}",
					caseworker);
			assertThat(logged.statusCode()).as(logged.body()).isEqualTo(201);
		}

		analyst = createUser("usage-analyst", List.of("ANALYST"), List.of());
		var split = http().json("GET", "/api/v1/region/cost-split?year=2007", null, token(analyst, USER_PASSWORD));
		assertThat(split.statusCode()).isEqualTo(200);
		huddingeShare = Long.parseLong(first(split.body(), "\"code\":\"0126\"[^}]*\"share\":(\\d+)"));
		total = Long.parseLong(first(split.body(), "\"total\":(\\d+)"));
		areaSize = (int) Pattern.compile("\"code\":\"\\d{4}\"").matcher(split.body()).results().count();
	}

	@Test
	void shouldShowTheExactFiguresBesideTheCostShareWhenSuppressionIsOff() {
		var page = session().get("/followup/usage?" + YEAR + "&suppress=false");
		assertThat(page.statusCode()).isEqualTo(200);
		String html = page.body();
		String text = text(html);

		assertThat(text).contains("Nyttjande per kommun")
			.contains("Kommun Utsatta påträffade Misstänkta köpare "
					+ "påträffade Konsultationer Meddelanden Utbildningsdeltagare Andel av kostnaden 2007 (kr) Ansluten 2007");
		assertThat(text).contains("Huddinge (0126) 6 2 3 2 0 " + kronor(huddingeShare) + " Nej")
			.containsPattern("Nacka \\(0182\\) 3 0 1 2 [\\d ]+ Nej")
			.containsPattern("Stockholm \\(0180\\) 5 0 0 0 [\\d ]+ Värdkommun")
			.containsPattern("Solna \\(0184\\) 0 0 5 0 [\\d ]+ ")
			.contains("Kommuner utanför erbjudandets område 0 0 1 0 0 – ej tillämpligt – ej tillämpligt")
			.contains("Utomlands 1 0 – ej tillämpligt")
			.contains("Okänd hemkommun 0 1 – ej tillämpligt")
			.containsPattern("Summa 15 3 10 4 0 " + kronor(total) + " \\d+ anslutna");
		assertThat(text).contains("Andel av kostnaden gäller år 2007 (totalt " + kronor(total) + " kr).")
			.contains("Här räknas invånare som påträffats i uppsökande arbete") // issue
																				// 11:
																				// what it
																				// counts
																				// today
			.contains("deltagare i utbildningar (de som närvarat, efter den kommun de arbetar i)")
			.doesNotContain("Små tal är dolda");
		// every municipality of the 2007 area, and nothing more
		assertThat(Pattern.compile("<tr id=\"row-\\d{4}\"").matcher(html).results().count()).isEqualTo(areaSize);
		assertThat(areaSize).isEqualTo(26);

		// the chart: grouped bars, described by the table's caption, exact values
		assertThat(html).contains("role=\"img\"")
			.contains("aria-describedby=\"usage-caption\"")
			.contains("id=\"usage-caption\"")
			.contains("\"type\":\"grouped\"");
		assertThat(chartValues(html, "Huddinge")).containsExactly("6", "2", "3");
		assertThat(chartValues(html, "Utomlands")).containsExactly("1", "0", "null");
		assertThat(html)
			.contains("href=\"/followup/usage.xlsx?" + YEAR.replace("&", "&amp;") + "&amp;suppress=false\"");
	}

	@Test
	void shouldHideSmallCountsByDefaultButNotMoney() {
		Http browser = session();
		String html = browser.get("/followup/usage?" + YEAR).body();
		String text = text(html);
		assertThat(text)
			.contains("Små tal är dolda: antal från 1 till 4 visas som <5, och antal som annars skulle låta "
					+ "någon räkna fram dem ur summorna visas som x (de är 5 eller fler). 0 och belopp visas exakt.")
			.contains("Huddinge (0126) 6 <5 <5 <5 0 " + kronor(huddingeShare) + " Nej")
			.containsPattern("Nacka \\(0182\\) <5 0 <5 <5 [\\d ]+ Nej")
			.containsPattern("Stockholm \\(0180\\) 5 0 0 0 ")
			.contains("Utomlands <5 0 –")
			.contains("Okänd hemkommun 0 <5 –")
			// the 15 exposed are hidden: secondary suppression in the period's one table
			// (see the next test)
			.containsPattern("Summa x <5 10 <5 0 " + kronor(total) + " ");
		assertThat(html).containsPattern("<input[^>]*id=\"suppress\"[^>]*checked");
		assertThat(chartValues(html, "Huddinge")).containsExactly("6", "null", "null");

		// the form sent with the box unticked: the marker field says "off", not "first
		// visit"
		String unticked = browser.get("/followup/usage?" + YEAR + "&_suppress=on").body();
		assertThat(text(unticked)).contains("Huddinge (0126) 6 2 3 2 ");
		assertThat(unticked).doesNotContainPattern("type=\"checkbox\" value=\"true\"\\s+checked");

		// a first visit: this year so far, suppressed
		String first = browser.get("/followup/usage").body();
		assertThat(first)
			.contains("name=\"from\" type=\"date\" value=\"" + java.time.LocalDate.now().getYear() + "-01-01\"")
			.containsPattern("<input[^>]*id=\"suppress\"[^>]*checked");
	}

	@Test
	void shouldLeaveNoHiddenCountToWorkOutFromThePageAndTheStatisticsBesideIt() {
		Http browser = session();
		Map<String, List<String>> exact = table(browser.get("/followup/usage?" + YEAR + "&suppress=false").body());
		Map<String, List<String>> shown = table(browser.get("/followup/usage?" + YEAR).body());
		assertThat(shown.keySet()).isEqualTo(exact.keySet());

		// the reader also has the statistics of 2007 (all, joint and own shifts,
		// suppressed as for any outsider)
		String token = token(analyst, USER_PASSWORD);
		var apiExact = new java.util.LinkedHashMap<String, String>();
		var apiShown = new java.util.LinkedHashMap<String, String>();
		for (String kind : StatisticsReader.KINDS) {
			String query = "/api/v1/outreach/statistics?" + YEAR + (kind.equals("all") ? "" : "&kind=" + kind);
			apiExact.put(kind, http().json("GET", query, null, token).body());
			apiShown.put(kind, http().json("GET", query + "&suppress=true", null, token).body());
		}
		DisclosureCheck reader = StatisticsReader.of(apiExact, apiShown);

		// the usage table: each column adds up to the sum; people met are the statistics'
		// homes
		String[] columns = { "exposed", "buyers", "consultations", "notices" };
		var parts = new java.util.HashMap<String, List<String>>();
		for (var row : exact.keySet()) {
			for (int c = 0; c < columns.length; c++) {
				String value = exact.get(row).get(c);
				if (value.startsWith("–")) {
					continue; // does not apply
				}
				String name = "usage." + row + "." + columns[c];
				var mark = seen(shown.get(row).get(c));
				if (mark == DisclosureCheck.Seen.EXACT) {
					assertThat(shown.get(row).get(c)).as(name).isEqualTo(value);
				}
				reader.cell(name, Long.parseLong(value.replace(" ", "")), mark);
				if (!row.equals("sum")) {
					parts.computeIfAbsent(columns[c], k -> new java.util.ArrayList<>()).add(name);
				}
				if (c < 2) {
					// the same people as the statistics' cell (a home the statistics do
					// not list has 0 there)
					String same = row.equals("sum") ? "all." + columns[c] : "all.home." + row + "." + columns[c];
					if (reader.has(same)) {
						reader.sum(name, List.of(same));
					}
				}
			}
		}
		for (String column : columns) {
			reader.sum("usage.sum." + column, parts.get(column));
		}
		// homes outside the offer area add up to the row "outside the area"
		List<String> outsideArea = Pattern.compile("\"code\":\"(\\d{4})\"")
			.matcher(apiExact.get("all"))
			.results()
			.map(m -> m.group(1))
			.filter(code -> !exact.containsKey(code))
			.toList();
		for (String role : List.of("exposed", "buyers")) {
			if (exact.containsKey("elsewhere")) {
				reader.sum("usage.elsewhere." + role,
						outsideArea.stream().map(h -> "all.home." + h + "." + role).toList());
			}
		}
		assertThat(reader.derivable()).isEmpty();
		assertThat(reader.otherValue("usage.0182.exposed")).isNotNull();
	}

	@Test
	void shouldExportTheSameRowsAndSumAsXlsxAndAuditIt() throws IOException {
		Http browser = session();
		long before = exports();
		var exact = browser.download("/followup/usage.xlsx?" + YEAR + "&suppress=false");
		assertThat(exact.statusCode()).isEqualTo(200);
		assertThat(exact.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
		assertThat(exact.headers().firstValue("Content-Disposition").orElse(""))
			.contains("nyttjande-per-kommun-2007-01-01-2007-12-31.xlsx");
		List<String> rows = lines(exact.body());
		assertThat(rows.get(0)).isEqualTo("Nyttjande per kommun");
		assertThat(rows).contains("Period: 2007-01-01 – 2007-12-31",
				"Kommun|Kommunkod|Utsatta påträffade|Misstänkta köpare påträffade|Konsultationer|Meddelanden|"
						+ "Andel av kostnaden 2007 (kr)|Ansluten 2007|Utbildningsdeltagare",
				"Huddinge|0126|6|2|3|2|" + huddingeShare + "|Nej|0",
				"Kommuner utanför erbjudandets område||0|0|1|0|||0", "Utomlands||1|0", "Okänd hemkommun||0|1");
		assertThat(rows.getLast()).startsWith("Summa||15|3|10|4|" + total + "|");

		List<String> suppressed = lines(browser.download("/followup/usage.xlsx?" + YEAR).body());
		assertThat(suppressed).contains("Huddinge|0126|6|<5|<5|<5|" + huddingeShare + "|Nej|0");
		assertThat(suppressed.get(4)).startsWith("Små tal är dolda: antal från 1 till 4 visas som <5");
		assertThat(suppressed.getLast()).startsWith("Summa||x|<5|10|<5|" + total + "|");

		assertThat(exports() - before).isEqualTo(2);
		assertThat(jdbc.sql("""
				SELECT details FROM audit.audit_log WHERE actor = ? AND subject_type = 'usage-report' ORDER BY id""")
			.param(analyst)
			.query(String.class)
			.list()).contains("usage.export|XLSX", "usage.exportSuppressed|XLSX"); // issue
																					// 11:
																					// structured
																					// details
	}

	/**
	 * Issue 11: when every municipality's count is small and hidden, the chart shows the
	 * area's total instead of nothing, and says so; the page says what it counts today
	 * (no "will come").
	 */
	@Test
	void shouldChartTheAreasTotalWhenEveryMunicipalitysCountIsHidden() {
		String coordinator = createUser("usage-small", List.of("COORDINATOR"), List.of());
		var encounters = new StringBuilder(
				"shift_ref;role;gender;age;minor;home_municipality;support_offered;offered_by;accepted\n");
		encounter(encounters, "usage14-1", "exposed", "0126", 2);
		encounter(encounters, "usage14-1", "exposed", "0182", 2);
		encounter(encounters, "usage14-1", "exposed", "0184", 2);
		var imported = http().multipart("/api/v1/outreach/import",
				Map.of("shifts",
						("ref;date;start_time;end_time;kind;police_operation;arena;municipality;units;notes\n"
								+ "usage14-1;2014-04-10;21:00;23:00;joint;raid;apartment;0180;MIKA;\n")
							.getBytes(StandardCharsets.UTF_8),
						"encounters", encounters.toString().getBytes(StandardCharsets.UTF_8)),
				token(coordinator, USER_PASSWORD));
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

		String html = session().get("/followup/usage?from=2014-04-01&to=2014-04-30").body();
		assertThat(html).contains("id=\"usage-chart\"")
			.contains("diagrammet visar hela området (summan)")
			.doesNotContain("Inget diagram");
		assertThat(chartValues(html, "Summa").getFirst()).isEqualTo("6");
		assertThat(text(html)).contains("Här räknas invånare som påträffats i uppsökande arbete")
			.doesNotContain("när modulerna för utbildning och ärenden finns");
	}

	@Test
	void shouldSpeakEnglishOnRequest() {
		String text = text(session().get("/followup/usage?" + YEAR + "&suppress=false&lang=en").body());
		assertThat(text).contains("Usage per municipality")
			.contains("Municipality Exposed people met Suspected buyers met Consultations Notices "
					+ "Training participants Share of the cost 2007 (kr) Joined 2007")
			.contains("Huddinge (0126) 6 2 3 2 0 ")
			.contains("Abroad 1 0 – not applicable")
			.containsPattern("Total 15 3 10 4 0 [\\d,]+ \\d+ joined")
			.contains("Counted here: residents met in outreach" /* issue 11 */)
			.contains("training participants (those who attended, by the municipality they work in)");
	}

	@Test
	void shouldNameTheFieldOfABadPeriodAndRefuseCaseworkers() {
		var bad = session().get("/followup/usage?from=2007-12-31&to=2007-01-01");
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("Formuläret har fel")
			.contains("href=\"#to\"")
			.contains("Periodens sista dag får inte vara före den första.")
			.doesNotContain("id=\"usage\"")
			.contains("value=\"2007-12-31\"");
		var unreadable = session().get("/followup/usage?from=31/12&to=2007-12-31").body();
		assertThat(unreadable).contains("href=\"#from\"")
			.contains("Ange periodens första dag i formen ÅÅÅÅ-MM-DD.")
			.doesNotContain("id=\"usage\"");
		assertThat(session().download("/followup/usage.xlsx?from=x&to=2007-12-31").statusCode()).isEqualTo(400);

		var caseworker = http();
		caseworker.login(createUser("usage-cw403", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);
		assertThat(caseworker.get("/followup/usage?" + YEAR).statusCode()).isEqualTo(403);
		assertThat(caseworker.download("/followup/usage.xlsx?" + YEAR).statusCode()).isEqualTo(403);
	}

	/**
	 * The usage table by row ("0126", "elsewhere", "abroad", "unknown", "sum"): exposed,
	 * buyers, consultations, notices.
	 */
	private static Map<String, List<String>> table(String html) {
		String table = first(html, "(?s)<table class=\"data\" id=\"usage\">(.*?)</table>");
		var rows = new java.util.LinkedHashMap<String, List<String>>();
		Matcher row = Pattern.compile("(?s)<tr([^>]*)>(.*?)</tr>").matcher(table);
		while (row.find()) {
			List<String> cells = Pattern.compile("(?s)<td[^>]*>(.*?)</td>")
				.matcher(row.group(2))
				.results()
				.map(m -> m.group(1)
					.replaceAll("<[^>]+>", " ")
					.replace("&lt;", "<")
					.replace('\u00A0', ' ')
					.replace('\u202F', ' ')
					.replaceAll("\\s+", " ")
					.trim())
				.toList();
			if (cells.isEmpty()) {
				continue; // the header
			}
			Matcher id = Pattern.compile("id=\"row-(\\d{4})\"").matcher(row.group(1));
			String label = text(first(row.group(2), "(?s)<th[^>]*>(.*?)</th>")).trim();
			String key = id.find() ? id.group(1) : switch (label) {
				case "Kommuner utanför erbjudandets område" -> "elsewhere";
				case "Utomlands" -> "abroad";
				case "Okänd hemkommun" -> "unknown";
				case "Summa" -> "sum";
				default -> throw new AssertionError("row " + label);
			};
			rows.put(key, cells.subList(0, 4));
		}
		return rows;
	}

	private static DisclosureCheck.Seen seen(String cell) {
		return switch (cell) {
			case "<5" -> DisclosureCheck.Seen.SMALL;
			case "x" -> DisclosureCheck.Seen.HIDDEN;
			case ".." -> DisclosureCheck.Seen.WITHHELD;
			default -> DisclosureCheck.Seen.EXACT;
		};
	}

	private Http session() {
		var browser = http();
		browser.login(analyst, USER_PASSWORD);
		return browser;
	}

	private long exports() {
		return jdbc.sql("""
				SELECT count(*) FROM audit.audit_log
				 WHERE actor = ? AND subject_type = 'usage-report' AND kind = 'READ' AND purpose = 'export'""")
			.param(analyst)
			.query(Long.class)
			.single();
	}

	private static void encounter(StringBuilder csv, String shift, String role, String home, int times) {
		for (int i = 0; i < times; i++) {
			csv.append(shift)
				.append(';')
				.append(role)
				.append(';')
				.append(role.equals("buyer") ? "male" : "female")
				.append(";30;no;")
				.append(home)
				.append(";yes;MIKA;no\n");
		}
	}

	/** Whole kronor as the page shows them in Swedish: "1 234 567". */
	private static String kronor(long value) {
		return String.format(java.util.Locale.ROOT, "%,d", value).replace(',', ' ');
	}

	/**
	 * The chart's values (exposed, buyers, consultations) for one label, as JSON text
	 * ("6", "null").
	 */
	private static List<String> chartValues(String html, String label) {
		String json = first(html, "(?s)<script type=\"application/json\" id=\"usage-chart-data\">(.*?)</script>");
		List<String> labels = Arrays.stream(first(json, "\"labels\":\\[(.*?)]").split(","))
			.map(s -> s.trim().replace("\"", ""))
			.toList();
		int at = labels.indexOf(label);
		assertThat(at).as("chart label " + label + " in " + labels).isNotNegative();
		Matcher values = Pattern.compile("\"values\":\\[(.*?)]").matcher(json);
		return values.results().map(m -> m.group(1).split(",")[at].trim()).toList();
	}

	private static String first(String text, String regex) {
		Matcher m = Pattern.compile(regex).matcher(text);
		assertThat(m.find()).as(regex).isTrue();
		return m.group(1);
	}

	/** The page's visible text with tags removed and whitespace collapsed. */
	private static String text(String html) {
		return html.replaceAll("(?s)<script.*?</script>", " ")
			.replaceAll("<[^>]+>", " ")
			.replace("&lt;", "<")
			.replace("&amp;", "&")
			.replace('\u00A0', ' ')
			.replace('\u202F', ' ')
			.replaceAll("\\s+", " ");
	}

	private static List<String> lines(byte[] xlsx) throws IOException {
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			return workbook.getFirstSheet().read().stream().map(UsageReportTest::cells).toList();
		}
	}

	private static String cells(Row row) {
		return row.stream().map(c -> c == null ? "" : c.getText()).collect(Collectors.joining("|"));
	}

}
