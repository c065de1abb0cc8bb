package se.skyddsnat.training;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import se.skyddsnat.support.Browser;

/**
 * Chromium against the real application: a person books on the public page, confirms
 * through the mail's link and cancels; the organiser sees the list, marks attendance and
 * prints the sign-in sheet; axe finds no WCAG 2.1 A/AA violation on the public list, the
 * booking form and the organiser's pages. (In the training tests' context, with GreenMail
 * and the standing clock.)
 */
class TrainingBrowserTest extends TrainingTestSupport {

	private static Browser browser;

	private BrowserContext context;

	@BeforeAll
	static void launch() {
		browser = Browser.launch();
	}

	@AfterAll
	static void close() {
		browser.close();
	}

	@AfterEach
	void closeContext() {
		if (context != null) {
			context.close();
		}
	}

	private Page page() {
		context = browser.newContext("http://localhost:" + port, Browser.DESKTOP);
		return context.newPage();
	}

	private Page role(Page page, AriaRole role, String name) {
		page.getByRole(role, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
		return page;
	}

	@Test
	void aPersonBooksConfirmsAndCancelsAndTheOrganiserMarksAttendanceAndPrintsTheSheet() {
		String title = unique("Utbildning om människohandel");
		long s = publishedSession(title, 5, 1, null);
		String email = unique("asa") + "@kommun.example.se";

		Page page = page();
		page.navigate("/public/training");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Utbildningar om prostitution och människohandel");
		Browser.axe(page);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
		Browser.axe(page);
		// a form sent empty names its fields (and axe checks the page with its errors)
		role(page, AriaRole.BUTTON, "Boka");
		assertThat(page.locator(".error-summary")).containsText("Skriv ditt namn");
		Browser.axe(page);
		page.getByLabel("Namn", new Page.GetByLabelOptions().setExact(true)).fill("Åsa Öberg");
		page.getByLabel("E-postadress").fill(email);
		page.getByLabel("Kommun", new Page.GetByLabelOptions().setExact(true)).selectOption("0126");
		page.getByLabel("Organisation eller arbetsplats").fill("Socialtjänsten");
		page.getByLabel("Yrke eller roll").selectOption("social_worker");
		role(page, AriaRole.BUTTON, "Boka");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Titta i din e-post");

		page.navigate(link(latest(email, "Bekräfta din bokning"), "confirm"));
		Browser.axe(page);
		role(page, AriaRole.BUTTON, "Bekräfta bokningen");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Du är bokad");

		page.navigate(link(latest(email, "Du är bokad"), "booking"));
		assertThat(page.locator("#booking-state")).hasText("Bokade");
		Browser.axe(page);
		role(page, AriaRole.BUTTON, "Avboka");
		assertThat(page.locator("#booking-state")).hasText("Avbokade");

		String other = unique("bo") + "@kommun.example.se";
		bookAndConfirm(s, "Bo Björk", other, "0180");

		Page organiser = page();
		organiser.navigate("/login");
		organiser.getByLabel("Användarnamn").fill(coordinator);
		organiser.getByLabel("Lösenord", new Page.GetByLabelOptions().setExact(true)).fill(USER_PASSWORD);
		role(organiser, AriaRole.BUTTON, "Logga in");
		organiser.navigate("/training");
		Browser.axe(organiser);
		organiser.navigate("/training/sessions/" + s);
		assertThat(organiser.locator("#list-booked")).containsText("Bo Björk");
		assertThat(organiser.locator("#list-cancelled")).containsText("Åsa Öberg");
		Browser.axe(organiser);

		clock.advance(Duration.ofDays(1));
		organiser.reload();
		organiser.getByLabel("Bo Björk").check();
		role(organiser, AriaRole.BUTTON, "Spara närvaro");
		assertThat(organiser.getByRole(AriaRole.STATUS)).containsText("Närvaron är sparad");
		assertThat(organiser.locator("#list-attended")).containsText("Bo Björk");
		Browser.axe(organiser);

		var pdf = organiser.request().get("/training/sessions/" + s + "/sign-in.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
		String body = new String(pdf.body(), java.nio.charset.StandardCharsets.ISO_8859_1);
		assertThat(body).startsWith("%PDF").contains("LiberationSans").contains("FontFile2");

		organiser.navigate("/training/courses/new");
		Browser.axe(organiser);
		organiser.navigate("/training/sessions/" + s + "/edit");
		Browser.axe(organiser);
		organiser.navigate("/training/figures");
		Browser.axe(organiser);
		organiser.navigate("/training/lectures/new");
		Browser.axe(organiser);
		organiser.navigate("/region");
		assertThat(organiser.locator("#promise-table-0")).isVisible();

		// attendance on a phone: the same list, its boxes within reach, and no violations
		// at that size
		BrowserContext phoneContext = browser.newContext("http://localhost:" + port, Browser.PHONE);
		try {
			Page phone = phoneContext.newPage();
			phone.navigate("/login");
			phone.getByLabel("Användarnamn").fill(coordinator);
			phone.getByLabel("Lösenord", new Page.GetByLabelOptions().setExact(true)).fill(USER_PASSWORD);
			role(phone, AriaRole.BUTTON, "Logga in");
			phone.navigate("/training/sessions/" + s);
			assertThat(phone.getByLabel("Bo Björk")).isChecked();
			phone.getByLabel("Bo Björk").uncheck();
			role(phone, AriaRole.BUTTON, "Spara närvaro");
			assertThat(phone.locator("#list-booked")).containsText("Bo Björk");
			Browser.axe(phone);
		}
		finally {
			phoneContext.close();
		}
	}

}
