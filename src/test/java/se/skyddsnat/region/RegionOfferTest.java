package se.skyddsnat.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/**
 * The regional offer over real HTTP: agreement history through the municipality page and
 * the "joined on D?" answer at its edges, population tables (good and each kind of bad
 * file), and the cost split with its exports. Years and municipalities are chosen so as
 * not to disturb other tests: agreements for Vallentuna (0115) from 2031, population
 * tables for 2015–2019.
 */
class RegionOfferTest extends IntegrationTest {

	private static final Pattern ROW = Pattern.compile(
			"\\{\"code\":\"(\\d{4})\",\"name\":\"[^\"]+\",\"population\":(\\d+),\"populationYear\":(\\d+|null),\"share\":(\\d+)");

	@Test
	void shouldRecordAgreementsInTheUiAndAnswerJoinedOnADateAtTheEdges() {
		String coordinator = createUser("rk", List.of("COORDINATOR"), List.of("RK_VUXNA"));
		var browser = http();
		browser.login(coordinator, USER_PASSWORD);
		assertThat(browser.get("/municipalities/0115").body()).contains("Vallentuna").contains("Nytt avtal");

		var saved = browser.post("/municipalities/0115/agreements",
				Map.of("startsOn", "2031-01-01", "endsOn", "2031-12-31", "services", "MIKA"));
		assertThat(Http.location(saved)).endsWith("/municipalities/0115");
		String page = browser.get("/municipalities/0115").body();
		assertThat(page).contains("Avtalet är registrerat.")
			.contains("2031-01-01")
			.contains("2031-12-31")
			.contains("Mikamottagningen");

		var overlapping = browser.post("/municipalities/0115/agreements",
				Map.of("startsOn", "2031-06-01", "services", "KAST"));
		assertThat(overlapping.statusCode()).isEqualTo(200);
		assertThat(overlapping.body())
			.contains("Perioden överlappar ett avtal som redan finns (2031-01-01 – 2031-12-31)")
			.contains("href=\"#startsOn\"");
		var noServices = browser.post("/municipalities/0115/agreements", Map.of("startsOn", "2033-01-01"));
		assertThat(noServices.body()).contains("Välj minst en tjänst som avtalet omfattar.");

		browser.post("/municipalities/0115/agreements", Map.of("startsOn", "2033-01-01", "services", "KAST"));
		browser.get("/municipalities/0115");
		browser.post("/municipalities/0115/agreements/change", Map.of("from", "2034-07-01", "services", "MIKA"));
		String token = token(coordinator, USER_PASSWORD);
		assertThat(status("0115", "2030-12-31", token)).isEqualTo("not_joined");
		assertThat(status("0115", "2031-01-01", token)).isEqualTo("joined");
		assertThat(status("0115", "2031-12-31", token)).isEqualTo("joined");
		assertThat(status("0115", "2032-01-01", token)).isEqualTo("not_joined");
		assertThat(status("0115", "2099-01-01", token)).isEqualTo("joined");
		String history = http().json("GET", "/api/v1/municipalities/0115/agreements", null, token).body();
		assertThat(history).contains("\"startsOn\":\"2033-01-01\",\"endsOn\":\"2034-06-30\",\"services\":[\"KAST\"]")
			.contains("\"startsOn\":\"2034-07-01\",\"services\":[\"MIKA\"]");

		// the 2022 report's joined municipalities: known from 2022, unknown before; the
		// city is always host
		assertThat(status("0114", "2021-12-31", token)).isEqualTo("unknown");
		assertThat(status("0114", "2022-01-01", token)).isEqualTo("joined");
		assertThat(status("0162", "2026-01-01", token)).isEqualTo("unknown");
		assertThat(status("0180", "1990-01-01", token)).isEqualTo("host");
		assertThat(browser.get("/municipalities/0114").body()).contains("före 2022").contains("tills vidare");

		assertThat(audit().by(coordinator).subject("agreement").count()).isEqualTo(4);

		var analyst = http();
		analyst.login(createUser("ana", List.of("ANALYST"), List.of()), USER_PASSWORD);
		assertThat(analyst.get("/municipalities/0115").body()).contains("2031-01-01").doesNotContain("Nytt avtal");
		analyst.get("/municipalities");
		assertThat(analyst.post("/municipalities/0115/agreements", Map.of("startsOn", "2040-01-01", "services", "MIKA"))
			.statusCode()).isEqualTo(403);
	}

	@Test
	void shouldLoadAPopulationTableAllOrNothingNamingEachBadLine() {
		String coordinator = createUser("pop", List.of("COORDINATOR"), List.of());
		String token = token(coordinator, USER_PASSWORD);
		long before = rows();

		var bad = http().body("POST", "/api/v1/region/population?year=2016", "text/csv", csv("""
				code;population
				0114;47 820
				9999;100
				0115;-5
				0114;47000
				0117;many
				"""), token);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		assertThat(bad.body())
			.contains("{\"line\":3,\"column\":\"code\",\"message\":\"Okänd kommunkod \\\"9999\\\".\"}")
			.contains("{\"line\":4,\"column\":\"population\",\"message\":\"Folkmängden \\\"-5\\\" är negativ.\"}")
			.contains(
					"{\"line\":5,\"column\":\"code\",\"message\":\"Kommunkoden \\\"0114\\\" finns redan tidigare i filen.\"}")
			.contains(
					"{\"line\":6,\"column\":\"population\",\"message\":\"Folkmängden \\\"many\\\" är inte ett heltal.\"}");
		assertThat(
				http().body("POST", "/api/v1/region/population?year=2016", "text/csv", csv("kod;folk\n0114;1\n"), token)
					.body())
			.contains("Rubrikraden ska vara code;population");
		assertThat(rows()).isEqualTo(before);

		var good = http().body("POST", "/api/v1/region/population?year=2016", "text/csv",
				csv("\uFEFFcode,population\r\n0114,44 000\r\n0115,31000\r\n"), token);
		assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
		assertThat(good.body()).contains("\"municipalities\":2");
		assertThat(rows()).isEqualTo(before + 2);

		// the same through the page's upload form, and its error list by line
		var browser = http();
		browser.login(coordinator, USER_PASSWORD);
		browser.get("/region/population");
		var refused = browser.upload("/region/population", Map.of("year", "2017"), "file",
				csv("code;population\n0114;x\n"));
		assertThat(refused.body()).contains("Tabellen avvisades (1 fel). Ingenting har ändrats.")
			.contains("Rad 2, kolumn population: Folkmängden &quot;x&quot; är inte ett heltal.");
		var loaded = browser.upload("/region/population", Map.of("year", "2017"), "file",
				csv("code;population\n0114;45000\n"));
		assertThat(Http.location(loaded)).endsWith("/region/population");
		assertThat(browser.get("/region/population").body()).contains("Tabellen är inläst: 1 / 2017.");

		// a year's split uses the year's figure where there is one and flags the others
		String split = http().json("GET", "/api/v1/region/cost-split?year=2016", null, token).body();
		assertThat(split)
			.contains("{\"code\":\"0114\",\"name\":\"Upplands Väsby\",\"population\":44000,\"populationYear\":2016");
		assertThat(split)
			.contains("{\"code\":\"0120\",\"name\":\"Värmdö\",\"population\":46637,\"populationYear\":2023");

		var caseworker = createUser("popcw", List.of("CASEWORKER"), List.of("MIKA"));
		assertThat(http()
			.body("POST", "/api/v1/region/population?year=2016", "text/csv", csv("code;population\n0114;1\n"),
					token(caseworker, USER_PASSWORD))
			.statusCode()).isEqualTo(403);
	}

	@Test
	void shouldSplitTheShippedPopulationExactlyAndExportTheSameSum() throws IOException {
		String coordinator = createUser("cost", List.of("COORDINATOR"), List.of());
		String token = token(coordinator, USER_PASSWORD);
		String json = http().json("GET", "/api/v1/region/cost-split?year=2024", null, token).body();
		assertThat(json).startsWith("{\"year\":2024,\"total\":4000000,\"rows\":[");
		Matcher m = ROW.matcher(json);
		long sum = 0;
		long population = 0;
		int rows = 0;
		var shares = new java.util.ArrayList<long[]>();
		while (m.find()) {
			rows++;
			assertThat(m.group(1)).isNotEqualTo("0980"); // Gotland takes part only when
															// added
			shares.add(new long[] { Long.parseLong(m.group(2)), Long.parseLong(m.group(4)) });
			population += Long.parseLong(m.group(2));
			sum += Long.parseLong(m.group(4));
		}
		assertThat(rows).isEqualTo(26);
		assertThat(sum).isEqualTo(4_000_000);
		for (long[] s : shares) { // within one krona of the exact share
			assertThat(Math.abs(s[1] * population - 4_000_000L * s[0])).isLessThan(population);
		}
		assertThat(http().json("GET", "/api/v1/region/cost-split?year=2024&total=1000001", null, token).body())
			.contains("\"total\":1000001");

		var browser = http();
		browser.login(coordinator, USER_PASSWORD);
		String page = browser.get("/region/cost-split?year=2024").body();
		assertThat(page).contains("Kostnadsfördelning 2024")
			.contains("4\u00A0000\u00A0000")
			.contains("äldre siffra")
			.contains("Stockholm");

		// Gotland for one year, and the year's own cost
		browser.post("/region/cost-split/area", Map.of("year", "2090", "added", "0980"));
		browser.get("/region/cost-split?year=2090");
		var badCost = browser.post("/region/cost-split/cost", Map.of("year", "2090", "total", "fyra miljoner",
				"mikaPositions", "2", "kastPositions", "1", "coordinatorPositions", "2,55"));
		assertThat(badCost.body()).contains("Ange kostnaden i hela kronor").contains("högst en decimal");
		browser.post("/region/cost-split/cost", Map.of("year", "2090", "total", "4 200 000", "mikaPositions", "2",
				"kastPositions", "1,5", "coordinatorPositions", "2"));
		String withGotland = http().json("GET", "/api/v1/region/cost-split?year=2090", null, token).body();
		assertThat(withGotland).contains("\"total\":4200000").contains("\"code\":\"0980\"");
		Matcher g = ROW.matcher(withGotland);
		long gotlandSum = 0;
		int gotlandRows = 0;
		while (g.find()) {
			gotlandRows++;
			gotlandSum += Long.parseLong(g.group(4));
		}
		assertThat(gotlandRows).isEqualTo(27);
		assertThat(gotlandSum).isEqualTo(4_200_000);
		assertThat(browser.get("/region/cost-split?year=2090").body())
			.contains("4\u00A0200\u00A0000 kr för 5,5 tjänster");

		var xlsx = browser.download("/region/cost-split.xlsx?year=2024");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			List<Row> sheet = workbook.getFirstSheet().read();
			long fileSum = 0;
			long sumRow = 0;
			for (Row r : sheet) { // rows 5–30 are the municipalities (row 4 the header),
									// row 31 the sum
				if (r.getRowNum() >= 5 && r.getRowNum() <= 30) {
					fileSum += r.getCellAsNumber(5).orElseThrow().longValueExact();
				}
				else if (r.getRowNum() == 31) {
					sumRow = r.getCellAsNumber(5).orElseThrow().longValueExact();
				}
			}
			assertThat(fileSum).isEqualTo(4_000_000);
			assertThat(sumRow).isEqualTo(4_000_000);
			// issue 11: the host city is the host, not "Nej"
			assertThat(sheet.stream()
				.filter(r -> r.getCellText(0).equals("0180"))
				.findFirst()
				.orElseThrow()
				.getCellText(6)).isEqualTo("Värdkommun");
		}
		var pdf = browser.download("/region/cost-split.pdf?year=2024");
		assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		// issue 11: header words whole (not "Folkmän/gdens år"), the host city as
		// "Värdkommun", names without codes
		try (var reader = new org.openpdf.text.pdf.PdfReader(pdf.body())) {
			String text = new org.openpdf.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
			assertThat(text).contains("Folkmängdens")
				.contains("folkmängden")
				.contains("Värdkommun")
				.doesNotContain("Folkmän\n")
				.doesNotContain("folkmäng\n")
				.doesNotContain("Stockholm (0180)");
		}
		assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains("kostnadsfordelning-2024.pdf");

		var caseworker = http();
		caseworker.login(createUser("costcw", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);
		assertThat(caseworker.get("/region/cost-split?year=2024").statusCode()).isEqualTo(403);
	}

	private String status(String code, String date, String token) {
		String body = http().json("GET", "/api/v1/municipalities/" + code + "/offer-status?date=" + date, null, token)
			.body();
		Matcher m = Pattern.compile("\"status\":\"([a-z_]+)\"").matcher(body);
		assertThat(m.find()).as(body).isTrue();
		return m.group(1);
	}

	private long rows() {
		return jdbc.sql("SELECT count(*) FROM region.population").query(Long.class).single();
	}

	private static byte[] csv(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
