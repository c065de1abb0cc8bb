package se.skyddsnat.region.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;
import se.skyddsnat.region.consultation.ConsultationsTest;

/**
 * The steering group's and the preparation group's meetings, and the agreement's minimum
 * of three steering-group meetings a year. Each test uses its own year (2005–2007, and
 * this year in one test).
 */
class MeetingsTest extends IntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm"));

	@Test
	void shouldRecordMeetingsThroughTheFormAndTellWhenTheYearReachesThreeSteeringMeetings() {
		var browser = http();
		browser.login(createUser("meeting", List.of("COORDINATOR"), List.of()), USER_PASSWORD);
		assertThat(browser.get("/region/meetings/new").body()).contains("Registrera möte")
			.contains("id=\"municipality-0126\"")
			.contains("id=\"municipality-0980\"");

		var saved = submit(browser, "2007-02-14", "steering", "Beslut: verksamhetsplanen för 2007 fastställs.", "0126",
				"0182");
		assertThat(Http.location(saved)).endsWith("/region/meetings");
		String page = browser.get("/region/meetings").body();
		assertThat(page).contains("Mötet 2007-02-14 är sparat.")
			.contains("2007: 1 av minst 3 styrgruppsmöten – under avtalets minimum");
		assertThat(ConsultationsTest.row(page, ">2007-02-14<")).contains("Styrgrupp")
			.contains("Huddinge, Nacka")
			.contains("Beslut: verksamhetsplanen för 2007 fastställs.");

		browser.get("/region/meetings/new");
		submit(browser, "2007-05-20", "steering", "", "0180");
		submit(browser, "2007-09-03", "preparation", "Underlag till styrgruppen.");
		page = browser.get("/region/meetings").body();
		assertThat(page).contains("2007: 2 av minst 3 styrgruppsmöten – under avtalets minimum");
		assertThat(yearSummary(page, 2007)).contains("notice-error");
		assertThat(summaryRow(page, 2007)).contains("2 av minst 3")
			.contains("<td class=\"num\">1</td>")
			.contains("Under avtalets minimum");
		assertThat(ConsultationsTest.row(page, ">2007-09-03<")).contains("Beredningsgrupp")
			.contains("Ingen kommun angiven");
		assertThat(ConsultationsTest.row(page, ">2007-05-20<")).contains("Inga beslut antecknade");

		browser.get("/region/meetings/new");
		submit(browser, "2007-11-28", "steering", "Årets uppföljning godkänns.");
		page = browser.get("/region/meetings").body();
		assertThat(page).contains("2007: 3 av minst 3 styrgruppsmöten – uppfyllt");
		assertThat(yearSummary(page, 2007)).contains("notice-success");
		assertThat(summaryRow(page, 2007)).contains("3 av minst 3").contains("Uppfyllt");
		// a year between with no meeting recorded is below the minimum too, in the table
		// of years only
		assertThat(summaryRow(page, 2008)).contains("0 av minst 3").contains("Under avtalets minimum");
		assertThat(page).doesNotContain("id=\"year-2008\"");

		browser.get("/region/meetings/new");
		submit(browser, TODAY.toString(), "steering", "Beslut i dag.");
		page = browser.get("/region/meetings").body();
		assertThat(yearSummary(page, TODAY.getYear()))
			.containsPattern(TODAY.getYear() + ": \\d+ av minst 3 styrgruppsmöten hittills");
		assertThat(summaryRow(page, TODAY.getYear())).containsPattern("\\d+ av minst 3 hittills");
	}

	@Test
	void shouldNameEachWrongFieldInSwedish() {
		var browser = http();
		browser.login(createUser("meetingerr", List.of("ADMIN"), List.of()), USER_PASSWORD);
		browser.get("/region/meetings/new");

		var answer = browser.post("/region/meetings",
				Map.of("date", "2099-01-01", "decisions", "x".repeat(4001), "municipalities", "12"));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("error-summary")
			.contains("Ange mötesdatum i formen ÅÅÅÅ-MM-DD, i dag eller tidigare.")
			.contains("Välj grupp: styrgrupp eller beredningsgrupp.")
			.contains("Välj kommunerna som deltog ur listan.")
			.contains("Besluten får vara högst 4\u00A0000 tecken.")
			.contains("href=\"#kind\"")
			.contains("value=\"2099-01-01\"");

		submit(browser, "2005-03-01", "steering", "Första mötet.");
		var twice = submit(browser, "2005-03-01", "steering", "Samma dag igen.");
		assertThat(twice.body()).contains("Det finns redan ett styrgruppsmöte 2005-03-01. Välj ett annat mötesdatum.");
		var preparation = submit(browser, "2005-03-01", "preparation", "Samma dag, annan grupp.");
		assertThat(preparation.statusCode()).isEqualTo(302);
	}

	@Test
	void shouldLetManagersAndAnalystsReadButNotRecord() {
		var coordinator = http();
		coordinator.login(createUser("meetingapi", List.of("COORDINATOR"), List.of()), USER_PASSWORD);
		coordinator.get("/region/meetings/new");
		submit(coordinator, "2006-04-04", "steering", "Beslut om utbildningar.", "0186");

		var analyst = http();
		analyst.login(createUser("meetingana", List.of("ANALYST"), List.of()), USER_PASSWORD);
		String page = analyst.get("/region/meetings").body();
		assertThat(page).contains("2006: 1 av minst 3 styrgruppsmöten – under avtalets minimum")
			.contains("Beslut om utbildningar.")
			.doesNotContain("/region/meetings/new");
		assertThat(analyst.get("/region/meetings/new").statusCode()).isEqualTo(403);
		assertThat(submit(analyst, "2006-05-05", "steering", "Nej.").statusCode()).isEqualTo(403);

		var manager = http();
		manager.login(createUser("meetingmgr", List.of("MANAGER"), List.of("KAST")), USER_PASSWORD);
		assertThat(manager.get("/region/meetings").body()).contains("Beslut om utbildningar.").doesNotContain("Nej.");

		var caseworker = http();
		caseworker.login(createUser("meetingcw", List.of("CASEWORKER"), List.of("KAST")), USER_PASSWORD);
		assertThat(caseworker.get("/region/meetings").statusCode()).isEqualTo(403);

		String token = token(createUser("meetingtok", List.of("ANALYST"), List.of()), USER_PASSWORD);
		var year = http().json("GET", "/api/v1/region/meetings?year=2006", null, token);
		assertThat(year.statusCode()).isEqualTo(200);
		assertThat(year.body())
			.contains("\"year\":2006,\"soFar\":false,\"steeringMeetings\":1,\"preparationMeetings\":0,"
					+ "\"minimumSteeringMeetings\":3,\"reached\":false")
			.contains("\"date\":\"2006-04-04\",\"kind\":\"steering\",\"municipalities\":[{\"code\":\"0186\","
					+ "\"name\":\"Lidingö\"}],\"decisions\":\"Beslut om utbildningar.\"");
		var current = http().json("GET", "/api/v1/region/meetings", null, token);
		assertThat(current.body()).contains("\"year\":" + TODAY.getYear() + ",\"soFar\":true");
		var bad = http().json("GET", "/api/v1/region/meetings?year=tjugo", null, token);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("\"field\":\"year\"");
	}

	/**
	 * Posts the meeting form as a browser does: one municipalities=… pair per ticked box,
	 * with the page's CSRF token.
	 */
	private HttpResponse<String> submit(Http browser, String date, String kind, String decisions,
			String... municipalities) {
		Matcher csrf = CSRF.matcher(browser.get("/region/meetings").body());
		assertThat(csrf.find()).isTrue();
		var body = new StringJoiner("&");
		body.add("_csrf=" + enc(csrf.group(1)))
			.add("date=" + enc(date))
			.add("kind=" + enc(kind))
			.add("decisions=" + enc(decisions));
		for (String code : municipalities) {
			body.add("municipalities=" + enc(code));
		}
		return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/region/meetings"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build());
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	/** A year's row in the table of years. */
	private static String summaryRow(String html, int year) {
		int row = html.indexOf("id=\"summary-" + year + "\"");
		assertThat(row).as("row for " + year).isNotNegative();
		return html.substring(row, html.indexOf("</tr>", row));
	}

	/** The summary paragraph under a year's heading. */
	private static String yearSummary(String html, int year) {
		int heading = html.indexOf("id=\"year-" + year + "\"");
		assertThat(heading).as("section for " + year).isNotNegative();
		int start = html.indexOf("<p", heading);
		return html.substring(start, html.indexOf("</p>", start));
	}

}
