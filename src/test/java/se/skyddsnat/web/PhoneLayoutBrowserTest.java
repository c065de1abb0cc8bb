package se.skyddsnat.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import se.skyddsnat.casework.Numbers;
import se.skyddsnat.support.Browser;
import se.skyddsnat.support.BrowserTest;

/**
 * The main pages on a phone 360 and 390 px wide, in Chromium: none scrolls sideways
 * ({@code document.documentElement.scrollWidth <= innerWidth}), the header is one short
 * line whose menu button opens the menu (by tap and by keyboard), the shift's people are
 * cards whose every field and "Koppla person … till ett ärende" are on the screen, and
 * axe-core finds nothing.
 */
class PhoneLayoutBrowserTest extends BrowserTest {

	private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();

	/** One line: the brand and the menu button (44 px) with their padding. */
	private static final int MAX_HEADER_HEIGHT = 72;

	@ParameterizedTest(name = "{0} px wide")
	@ValueSource(ints = { 360, 390 })
	void shouldFitEveryMainPageOnAPhone(int width) {
		String user = createUser("narrow", List.of("CASEWORKER", "MANAGER"), List.of("MIKA"));
		String bearer = token(user, USER_PASSWORD);
		long shift = created(http()
			.json("POST", "/api/v1/outreach/shifts",
					"""
							{"date":"%s","kind":"joint","police_operation":"raid","arena":"apartment","municipality":"0180",
							 "units":["MIKA"],"notes":"Tillslag i en lägenhet med en mycket lång anteckning som måste radbrytas",
							 "encounters":[{"role":"exposed","gender":"female","age":16,"minor":"yes",
							 "home_municipality":"0127","support_offered":"yes","offered_by":"MIKA","accepted":"unknown"},
							 {"role":"buyer","gender":"male","minor":"unknown","home_municipality":"abroad",
							 "support_offered":"no","accepted":"no"}]}"""
						.formatted(TODAY),
					bearer)
			.body());
		long person = created(http()
			.json("POST", "/api/v1/people",
					"""
							{"alias":"Smal-%s","birthYear":"1999","gender":"female","unit":"MIKA","homeMunicipality":"0180"}"""
						.formatted(Numbers.suffix()),
					bearer)
			.body());
		long caseId = created(http().json("POST", "/api/v1/cases", """
				{"unit":"MIKA","kind":"mika_support","openedOn":"%s","reason":"Påträffad vid tillslag",
				 "people":[{"personId":%d,"role":"exposed"}]}""".formatted(TODAY, person), bearer).body());
		var note = http().json("POST", "/api/v1/cases/" + caseId + "/journal", """
				{"date":"%s","kind":"support_talk","channel":"in_person","minutes":30,
				 "note":"Samtal om boende.","sign":true}""".formatted(TODAY), bearer);
		if (note.statusCode() != 201) {
			throw new AssertionError(note.body());
		}

		Page page = newPage(new Browser.Viewport(width, 844));
		logIn(page, user, USER_PASSWORD);

		// the start page: a short header; the menu opens by tap, closes, and opens from
		// the keyboard
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText(Pattern.compile("^Välkommen, "));
		fits(page, width);
		Locator menuButton = page.locator("header summary");
		Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Huvudmeny"));
		assertThat(menuButton).hasText("Meny");
		assertThat(nav).isHidden();
		menuButton.click();
		assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Ärenden"))).isVisible();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logga ut"))).isVisible();
		fits(page, width);
		axe(page);
		menuButton.click();
		assertThat(nav).isHidden();
		menuButton.focus();
		page.keyboard().press("Enter");
		assertThat(nav).isVisible();
		page.keyboard().press("Tab");
		assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Start"))).isFocused();
		page.keyboard().press("Shift+Tab");
		page.keyboard().press("Space");
		assertThat(nav).isHidden();

		// the shift form, and its review
		page.navigate("/outreach/shifts/new");
		fits(page, width);
		axe(page);
		page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Tillslag")).check();
		page.getByLabel("Arena").selectOption(new SelectOption().setLabel("Lägenhet"));
		Locator first = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Person 1").setExact(true));
		first.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Utsatt i prostitution")).check();
		first.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Kvinna")).check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Granska").setExact(true)).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Granska passet"))).isVisible();
		fits(page, width);
		onScreen(page, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara passet")), width);
		axe(page);

		// the saved shift: each person a card, every field and the link to a case on the
		// screen
		page.navigate("/outreach/shifts/" + shift);
		fits(page, width);
		Locator people = page.getByRole(AriaRole.TABLE,
				new Page.GetByRoleOptions().setName("Personer som påträffades"));
		Locator girl = people.locator("tbody tr").first();
		for (String field : List.of("Roll", "Kön", "Ålder (om känd)", "Under 18 år", "Hemkommun", "Stöd erbjudet",
				"Tackade ja till stöd")) {
			Locator cell = girl.locator("td[data-label='" + field + "']");
			assertThat(cell).isVisible();
			onScreen(page, cell, width);
		}
		assertThat(girl.locator("td[data-label='Ålder (om känd)']")).hasText("16");
		for (int n = 1; n <= 2; n++) {
			Locator link = page.getByRole(AriaRole.LINK,
					new Page.GetByRoleOptions().setName("Koppla person " + n + " till ett ärende"));
			assertThat(link).isVisible();
			onScreen(page, link, width);
			double linkWidth = link.boundingBox().width;
			if (linkWidth < width * 0.7) {
				throw new AssertionError("The action is " + linkWidth + " px wide, not a full-width button");
			}
		}
		axe(page);

		// the case, the person and the statistics
		page.navigate("/cases/" + caseId);
		assertThat(page.getByText("Samtal om boende.")).isVisible();
		fits(page, width);
		axe(page);
		page.navigate("/people/" + person);
		fits(page, width);
		axe(page);
		page.navigate("/outreach/statistics?from=" + LocalDate.parse(TODAY).minusDays(30) + "&to=" + TODAY);
		assertThat(page.getByRole(AriaRole.HEADING,
				new Page.GetByRoleOptions().setName("Statistik över uppsökande arbete")))
			.isVisible();
		fits(page, width);
		axe(page);
	}

	/**
	 * Without JavaScript: the menu button opens the menu on a phone, a wide screen shows
	 * the menu without a button, and the shift form's "same as the previous person" and
	 * "Lägg till person" post the form and bring it back with the new row; the
	 * municipality typed by name comes back by name after "Ändra".
	 */
	@Test
	void shouldWorkWithoutJavaScript() {
		String user = createUser("nojs", List.of("CASEWORKER"), List.of("MIKA"));
		Page wide = newPageWithoutJavaScript(Browser.DESKTOP);
		logIn(wide, user, USER_PASSWORD);
		assertThat(wide.locator("header summary")).isHidden();
		assertThat(wide.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Huvudmeny"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Uppsökande"))).isVisible();

		Page page = newPageWithoutJavaScript(Browser.PHONE);
		logIn(page, user, USER_PASSWORD);
		Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Huvudmeny"));
		assertThat(nav).isHidden();
		page.locator("header summary").click();
		assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Uppsökande"))).isVisible();
		fits(page, Browser.PHONE.width());

		page.navigate("/outreach/shifts/new");
		page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Tillslag")).check();
		page.getByLabel("Arena").selectOption(new SelectOption().setLabel("Lägenhet"));
		Locator first = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Person 1").setExact(true));
		first.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Utsatt i prostitution")).check();
		first.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Kvinna")).check();
		first.getByLabel("Hemkommun").fill("solna");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lägg till: samma som föregående person"))
			.click();
		Locator second = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Person 2").setExact(true));
		assertThat(second.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Kvinna"))).isChecked();
		assertThat(second.getByLabel("Hemkommun")).hasValue("solna");
		second.getByLabel("Ålder (om känd)").fill("15");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Granska").setExact(true)).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Granska passet"))).isVisible();
		// under 18 follows the age on the server too: the child gives two tasks
		assertThat(page.getByText("Barn påträffades: 2 uppgifter skapas för enheten när passet sparas.")).isVisible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ändra")).click();
		assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Person 2").setExact(true))
			.getByLabel("Hemkommun")).hasValue("Solna");
		fits(page, Browser.PHONE.width());
	}

	/** No sideways scroll, and the header one short line. */
	private static void fits(Page page, int width) {
		page.waitForLoadState(); // the style sheet applied: measured as the user sees the
									// page
		int scroll = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
		int inner = ((Number) page.evaluate("() => window.innerWidth")).intValue();
		if (scroll > inner) {
			@SuppressWarnings("unchecked")
			var wide = (List<String>) page.evaluate(
					"""
							(w) => [...document.querySelectorAll('body *')]
							  .filter(e => e.getBoundingClientRect().right > w + 1)
							  .slice(0, 10)
							  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
							    + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\\s+/g, '.') : '')
							    + ' right=' + Math.round(e.getBoundingClientRect().right))""",
					inner);
			throw new AssertionError(page.url() + " is " + scroll + " px wide on a " + inner + " px screen: " + wide);
		}
		if (inner != width) {
			throw new AssertionError("The screen is " + inner + " px wide, not " + width);
		}
		double header = page.locator("header.site-header").boundingBox().height;
		if (header > MAX_HEADER_HEIGHT) {
			throw new AssertionError("The header takes " + header + " px on " + page.url());
		}
	}

	/** The element lies within the screen's width (scrolled into view vertically). */
	private static void onScreen(Page page, Locator element, int width) {
		element.scrollIntoViewIfNeeded();
		var box = element.boundingBox();
		if (box.x < 0 || box.x + box.width > width + 0.5) {
			throw new AssertionError(
					"Off the screen sideways (x " + box.x + ", width " + box.width + ") on " + page.url());
		}
	}

	private static long created(String body) {
		Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(body);
		if (!id.find()) {
			throw new AssertionError(body);
		}
		return Long.parseLong(id.group(1));
	}

}
