package se.skyddsnat.region.nonjoined;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;
import se.skyddsnat.region.consultation.ConsultationsTest;

/**
 * The follow-up of municipalities outside the offer: notices, the dialogue log and the
 * warning when a municipality has not been contacted for over a year. Each test uses its
 * own municipality.
 */
class NonJoinedFollowUpTest extends IntegrationTest {

	private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();

	private static final Pattern NUMBERS = Pattern.compile("<td class=\"num\">(\\d+)</td>");

	@Test
	void shouldRecordADialogueEntryAndWarnWhenTheLastContactIsOverAYearAgo() {
		String coordinator = createUser("dialogue", List.of("COORDINATOR"), List.of());
		var browser = http();
		browser.login(coordinator, USER_PASSWORD);

		String overview = browser.get("/region/non-joined").body();
		assertThat(overview).contains("Kommuner utanför erbjudandet").doesNotContain(">Nacka<");
		assertThat(municipalityRow(overview, "0162")).contains("Danderyd")
			.contains("Okänd")
			.contains("Aldrig kontaktad");
		assertThat(municipalityRow(overview, "0117")).contains("Österåker")
			.contains("Inte ansluten")
			.contains("Aldrig kontaktad");

		browser.get("/region/non-joined/0117");
		var saved = browser.post("/region/non-joined/0117", Map.of("contactedOn", "2008-04-02", "contact", "Socialchef",
				"outcome", "Kommunen avvaktar budgetbeslut om anslutning."));
		assertThat(Http.location(saved)).endsWith("/region/non-joined/0117");
		String detail = browser.get("/region/non-joined/0117").body();
		assertThat(detail).contains("Kontakten med Österåker är sparad.")
			.contains("Ingen kontakt på över ett år: påminn kommunen om erbjudandet.");
		assertThat(ConsultationsTest.row(detail, "nowrap\">2008-04-02<")).contains("Socialchef")
			.contains("Kommunen avvaktar budgetbeslut om anslutning.")
			.contains("Test dialogue");
		assertThat(municipalityRow(browser.get("/region/non-joined").body(), "0117")).contains("2008-04-02")
			.contains("Ingen kontakt på över ett år")
			.contains("row-warn");

		browser.post("/region/non-joined/0117", Map.of("contactedOn", TODAY, "contact", "Förvaltningschef", "outcome",
				"Påmind om erbjudandet; återkommer efter nämndens möte."));
		assertThat(municipalityRow(browser.get("/region/non-joined").body(), "0117")).contains(TODAY)
			.contains("Kontaktad under det senaste året")
			.doesNotContain("Ingen kontakt på över ett år")
			.doesNotContain("row-warn");
		assertThat(browser.get("/region/non-joined/0117").body()).doesNotContain("Ingen kontakt på över ett år");

		var admin = http();
		admin.login(ADMIN, ADMIN_PASSWORD);
		assertThat(admin.get("/admin/audit?actor=" + coordinator + "&kind=CHANGE").body())
			// issue 11: the detail as a Swedish sentence, the municipality by name
			.contains("Dialoganteckning ")
			.contains("Kontakt med Österåker registrerades")
			.doesNotContain("contact with municipality 0117");
	}

	@Test
	void shouldNameEachWrongFieldInSwedish() {
		var browser = http();
		browser.login(createUser("dialogueerr", List.of("ADMIN"), List.of()), USER_PASSWORD);
		browser.get("/region/non-joined/0188");

		var answer = browser.post("/region/non-joined/0188",
				Map.of("contactedOn", "2099-01-01", "contact", "x".repeat(201), "outcome", " "));

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).contains("error-summary")
			.contains("Ange datum för kontakten i formen ÅÅÅÅ-MM-DD, i dag eller tidigare.")
			.contains("Ange vem som kontaktades (högst 200 tecken).")
			.contains("Ange resultatet av kontakten (högst 1\u00A0000 tecken).")
			.contains("href=\"#outcome\"")
			.contains("aria-invalid=\"true\"")
			.contains("value=\"2099-01-01\"");
		assertThat(browser.get("/region/non-joined/0188").body()).contains("Ingen kontakt registrerad.");
		assertThat(browser.get("/region/non-joined/0182").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldLetManagersAndAnalystsReadButNotWrite() {
		var analyst = http();
		analyst.login(createUser("dialogueana", List.of("ANALYST"), List.of()), USER_PASSWORD);
		assertThat(municipalityRow(analyst.get("/region/non-joined").body(), "0139")).contains("Upplands-Bro");
		String detail = analyst.get("/region/non-joined/0139").body();
		assertThat(detail).contains("Upplands-Bro")
			.contains("Dialog med kommunen")
			.doesNotContain("Registrera kontakt")
			.doesNotContain("/region/notices/");
		var refused = analyst.post("/region/non-joined/0139",
				Map.of("contactedOn", "2008-02-02", "contact", "Socialchef", "outcome", "Ska inte sparas."));
		assertThat(refused.statusCode()).isEqualTo(403);

		var manager = http();
		manager.login(createUser("dialoguemgr", List.of("MANAGER"), List.of("MIKA")), USER_PASSWORD);
		assertThat(manager.get("/region/non-joined/0139").body()).contains("Ingen kontakt registrerad.")
			.doesNotContain("Ska inte sparas.");

		var caseworker = http();
		caseworker.login(createUser("dialoguecw", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);
		assertThat(caseworker.get("/region/non-joined").statusCode()).isEqualTo(403);
		assertThat(caseworker.get("/region/non-joined/0139").statusCode()).isEqualTo(403);
	}

	@Test
	void shouldCountOpenAndClosedNoticesAndListThemForTheCoordinator() {
		var coordinator = http();
		coordinator.login(createUser("dialoguenotice", List.of("COORDINATOR"), List.of()), USER_PASSWORD);
		long[] before = counts(coordinator.get("/region/non-joined").body(), "0140");

		String ref = "nj-" + System.nanoTime();
		var imported = http().multipart("/api/v1/outreach/import", Map.of("shifts",
				("ref,date,start_time,end_time,kind,police_operation,arena,municipality,units,notes\n" + ref
						+ "-old,2008-08-08,,,joint,raid,apartment,0180,KAST,\n" + ref + "-new," + TODAY
						+ ",,,joint,surveillance,street,0180,KAST,\n")
					.getBytes(),
				"encounters",
				("shift_ref,role,gender,age,minor,home_municipality,support_offered,offered_by,accepted\n" + ref
						+ "-old,buyer,male,40,no,0140,yes,KAST,no\n" + ref + "-new,buyer,male,45,no,0140,yes,KAST,no\n")
					.getBytes()),
				token(ADMIN, ADMIN_PASSWORD));
		assertThat(imported.statusCode()).isEqualTo(200);

		long[] after = counts(coordinator.get("/region/non-joined").body(), "0140");
		assertThat(after[0]).isEqualTo(before[0] + 1);
		assertThat(after[1]).isEqualTo(before[1] + 1);
		String page = coordinator.get("/region/non-joined/0140").body();
		// issue 11: the notice closed on 2008-08-08 is the last contact, shown above the
		// table too
		String detail = page.substring(page.indexOf("id=\"notices\""));
		assertThat(ConsultationsTest.row(detail, ">2008-08-08<")).contains("/region/notices/")
			.contains("Informerad 2008-08-08");
		assertThat(ConsultationsTest.row(detail, ">" + TODAY + "<")).contains("Att informera");

		var analyst = http();
		analyst.login(createUser("dialogueana2", List.of("ANALYST"), List.of()), USER_PASSWORD);
		long[] seen = counts(analyst.get("/region/non-joined").body(), "0140");
		assertThat(seen).containsExactly(after);
		assertThat(analyst.get("/region/non-joined/0140").body()).doesNotContain("2008-08-08");
	}

	/**
	 * Issue 11: informing a municipality through its notice ("informed on D") is a
	 * contact, not "Aldrig kontaktad".
	 */
	@Test
	void shouldCountAClosedNoticeAsAContact() {
		var coordinator = http();
		String user = createUser("dialogueinf", List.of("COORDINATOR"), List.of());
		coordinator.login(user, USER_PASSWORD);
		assertThat(municipalityRow(coordinator.get("/region/non-joined").body(), "0188")).contains("Aldrig kontaktad");
		String worker = createUser("dialoguerec", List.of("CASEWORKER"), List.of("KAST"));
		var shift = http().json("POST", "/api/v1/outreach/shifts", """
				{"date":"%s","kind":"own","arena":"street","municipality":"0180","units":["KAST"],
				 "encounters":[{"role":"buyer","gender":"male","age":40,"minor":"no","home_municipality":"0188",
				                "support_offered":false,"accepted":"no"}]}""".formatted(TODAY),
				token(worker, USER_PASSWORD));
		assertThat(shift.statusCode()).as(shift.body()).isEqualTo(201);
		long notice = jdbc
			.sql("SELECT id FROM region.notices WHERE municipality = '0188' AND informed_on IS NULL "
					+ "ORDER BY id DESC LIMIT 1")
			.query(Long.class)
			.single();
		coordinator.get("/region/notices/" + notice);
		var closed = coordinator.post("/region/notices/" + notice,
				Map.of("informedOn", TODAY, "informedHow", "Mejl till socialchefen"));
		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(302);
		assertThat(municipalityRow(coordinator.get("/region/non-joined").body(), "0188")).contains(TODAY)
			.contains("Kontaktad under det senaste året")
			.doesNotContain("Aldrig kontaktad");
	}

	/** The overview's row for a municipality. */
	private static String municipalityRow(String html, String code) {
		int start = html.indexOf("id=\"m-" + code + "\"");
		assertThat(start).as("row for " + code).isNotNegative();
		return html.substring(html.lastIndexOf("<tr", start), html.indexOf("</tr>", start));
	}

	/** Open and closed notices on the overview's row. */
	private static long[] counts(String html, String code) {
		Matcher m = NUMBERS.matcher(municipalityRow(html, code));
		assertThat(m.find()).isTrue();
		long open = Long.parseLong(m.group(1));
		assertThat(m.find()).isTrue();
		return new long[] { open, Long.parseLong(m.group(1)) };
	}

}
