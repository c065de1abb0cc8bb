package se.skyddsnat.followup;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import se.skyddsnat.followup.plan.Area;
import se.skyddsnat.followup.plan.Plans;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.support.BrowserTest;

/**
 * The analyst in Chromium: opens the action plan, follows a measure up (status, account,
 * evidence from the records), previews the annual report for 2006 (used by no other test)
 * and downloads it as DOCX and PDF; axe-core finds no WCAG 2.1 A/AA violation on the
 * follow-up pages.
 */
class FollowupBrowserTest extends BrowserTest {

	@Autowired
	Plans plans;

	@Test
	void shouldFollowUpAMeasureWithEvidenceAndDownloadTheReport() throws Exception {
		var shifts = new StringBuilder(
				"ref;date;start_time;end_time;kind;police_operation;arena;municipality;units;notes\n");
		for (int i = 0; i < 6; i++) {
			shifts.append("fb06-")
				.append(i)
				.append(";2006-0")
				.append(i + 2)
				.append("-15;;;joint;surveillance;street;0180;MIKA;\n");
		}
		var met = "shift_ref;role;gender;age;minor;home_municipality;support_offered;offered_by;accepted\n"
				+ "fb06-0;exposed;female;30;no;0180;yes;MIKA;no\n";
		String coordinator = createUser("fb-coord", List.of("COORDINATOR"), List.of());
		var imported = http().multipart("/api/v1/outreach/import", Map.of("shifts",
				shifts.toString().getBytes(StandardCharsets.UTF_8), "encounters", met.getBytes(StandardCharsets.UTF_8)),
				token(coordinator, USER_PASSWORD));
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		String analyst = createUser("fb-analyst", List.of("ANALYST"), List.of());
		var user = new CurrentUser(-1, analyst, "Analytiker", Set.of(Role.ANALYST), new TreeSet<>(), false);
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(user, null, "ROLE_ANALYST"));
		if (plans.plan().isEmpty()) {
			plans.createPlan("Handlingsplan mot människohandel och prostitution", "2005-12-14");
		}
		plans.addMeasure(Area.OUTREACH, "Webbtestets åtgärd: fler samverkanspass", "Socialnämnden", "2006-01-01",
				"2006-12-31");
		SecurityContextHolder.clearContext();

		Page page = newPage();
		logIn(page, analyst, USER_PASSWORD);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Uppföljning").setExact(true)).click();
		axe(page);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Program och handlingsplan")).click();
		assertThat(page.locator("h1")).hasText("Program och handlingsplan");
		axe(page);
		page.locator("#areas")
			.getByRole(AriaRole.LINK,
					new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Uppsökande arbete"))
			.click();
		assertThat(page.locator("h1")).hasText("Utvecklingsområde: Uppsökande arbete");
		axe(page);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Webbtestets åtgärd: fler samverkanspass"))
			.click();
		assertThat(page.locator("#measure-status")).hasText("Inte påbörjad");
		axe(page);

		// the follow-up: status, account, and the joint shifts of the period as evidence
		page.getByLabel("Uppföljningen gäller från och med").fill("2006-01-01");
		page.getByLabel("Uppföljningen gäller till och med").fill("2006-12-31");
		page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Genomförd").setExact(true)).check();
		page.getByLabel("Kort redovisning").fill("Passen har genomförts enligt plan.");
		page.getByLabel("Samverkanspass med polisen", new Page.GetByLabelOptions().setExact(true)).check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara uppföljningen")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("Uppföljningen är sparad.");
		assertThat(page.locator("#measure-status")).hasText("Genomförd");
		assertThat(page.locator(".evidence li")).hasText("Samverkanspass med polisen: 6");
		axe(page);
		page.locator(".evidence a").click();
		assertThat(page.locator("#indicator-value")).containsText("Värde: 6");
		page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('trend-chart'))");
		axe(page);

		// the annual report for 2006: preview, then both formats
		page.navigate("/followup/report");
		page.getByLabel("Från och med").fill("2006-01-01");
		page.getByLabel("Till och med").fill("2006-12-31");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Visa rapporten")).click();
		assertThat(page.locator(".report-preview")).containsText("genomfört 6 arbetspass tillsammans med polisen");
		assertThat(page.locator(".report-preview")).containsText("Webbtestets åtgärd: fler samverkanspass");
		axe(page);
		Download docx = page.waitForDownload(
				() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ladda ner Word (DOCX)"))
					.click());
		assertThat(docx.suggestedFilename()).isEqualTo("uppfoljning-2006-01-01-2006-12-31.docx");
		assertThat(AnnualReportTest.docxText(Files.readAllBytes(docx.path()))).contains(
				"genomfört 6 arbetspass tillsammans med polisen", "Passen har genomförts enligt plan.", "färre än 5");
		Download pdf = page.waitForDownload(
				() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ladda ner PDF")).click());
		assertThat(pdf.suggestedFilename()).isEqualTo("uppfoljning-2006-01-01-2006-12-31.pdf");
		assertThat(AnnualReportTest.pdfText(Files.readAllBytes(pdf.path())))
			.contains("genomfört 6 arbetspass tillsammans med polisen", "Passen har genomförts enligt plan.");
		page.reload();
		assertThat(page.locator("#kept tbody tr").first()).containsText("2006-01-01 – 2006-12-31");
		axe(page);

		// a grant: the last 20 % is withheld until the final report is approved
		page.navigate("/followup/grants");
		page.getByLabel("Bidragsgivare", new Page.GetByLabelOptions().setExact(true)).fill("Länsstyrelsen (webbtest)");
		page.getByLabel("Beslutsdatum", new Page.GetByLabelOptions().setExact(true)).fill("2006-02-01");
		page.getByLabel("Belopp (kr)").fill("500 000");
		page.getByLabel("Syfte", new Page.GetByLabelOptions().setExact(true))
			.fill("En heltidstjänst för regional samordning.");
		page.getByLabel("Projektperiod från och med").fill("2006-01-01");
		page.getByLabel("Projektperiod till och med").fill("2006-12-31");
		page.getByLabel("Slutrapporten ska vara bidragsgivaren tillhanda senast").fill("2007-01-20");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara bidraget")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("Bidraget är sparat.");
		assertThat(page.locator("#payment-1 .payment-status")).hasText("Väntas");
		assertThat(page.locator("#payment-2 .payment-status")).hasText("Innehålls");
		assertThat(page.locator("#payment-2")).containsText("100 000 kr");
		axe(page);

		// the other follow-up pages
		for (String path : List.of("/followup/indicators?from=2006-01-01&to=2006-12-31", "/followup/assignments",
				"/followup/grants", "/followup/police?from=2006-01-01&to=2006-12-31")) {
			page.navigate(path);
			assertThat(page.locator("h1")).isVisible();
			axe(page);
		}
		assertThat(page.locator("main")).containsText("genomfört 6 arbetspass");
	}

}
