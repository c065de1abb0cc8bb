package se.skyddsnat.outreach;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import se.skyddsnat.support.Browser;
import se.skyddsnat.support.BrowserTest;

/**
 * The outreach issue as it is used in the field, on a phone (390×844) in Chromium: a
 * caseworker records a joint raid right after it, with three people (one of them a girl
 * of 16), reviews and saves it, and closes one of the two tasks the child gives her unit;
 * a manager then reads the figures. Every screen is found through its labels and roles,
 * checked with axe-core (WCAG 2.1 A/AA), and must not scroll sideways.
 */
class OutreachBrowserTest extends BrowserTest {

	/**
	 * Sub-pixel rounding only: anything wider than the phone means the page scrolls
	 * sideways.
	 */
	private static final int PHONE_WIDTH_TOLERANCE = 1;

	@Autowired
	private Clock clock;

	@Test
	void shouldLetACaseworkerRecordAShiftOnHerPhoneCloseATaskAndAManagerSeeTheFigures() {
		String today = LocalDate.now(clock).toString();
		String caseworker = createUser("phone", List.of("CASEWORKER"), List.of("MIKA"));
		Page page = newPage(Browser.PHONE);
		logIn(page, caseworker);

		// Uppsökande → Registrera pass
		mainMenu(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Uppsökande")).click();
		assertThat(heading(page, "Uppsökande arbete")).isVisible();
		assertNoSidewaysScroll(page);
		axe(page);
		page.getByRole(AriaRole.MAIN)
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Registrera pass").setExact(true))
			.click();
		assertThat(heading(page, "Registrera pass")).isVisible();
		assertNoSidewaysScroll(page);

		// The shift: today, a joint raid in an apartment in Stockholm, the caseworker's
		// own unit kept
		Locator shift = group(page, "Passet");
		assertThat(shift.getByLabel("Datum", new Locator.GetByLabelOptions().setExact(true))).hasValue(today);
		shift.getByLabel("Datum", new Locator.GetByLabelOptions().setExact(true)).fill(today);
		shift.getByLabel("Starttid").fill("21:00");
		shift.getByLabel("Sluttid").fill("23:30");
		group(page, "Typ av pass")
			.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Samverkan med polisen"))
			.check();
		group(page, "Polisens insats").getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Tillslag"))
			.check();
		shift.getByLabel("Arena").selectOption(new SelectOption().setLabel("Lägenhet"));
		shift.getByLabel("Kommun där passet genomfördes").selectOption(new SelectOption().setLabel("Stockholm"));
		assertThat(shift.getByLabel("Kommun där passet genomfördes")).hasValue("0180");
		assertThat(group(page, "Deltagande enheter").getByRole(AriaRole.CHECKBOX,
				new Locator.GetByRoleOptions().setName("Mikamottagningen")))
			.isChecked();
		assertThat(shift.getByLabel("Anteckning")).hasAccessibleDescription(Pattern.compile("^Skriv aldrig namn"));

		// Person 1: an adult woman from Stockholm, offered support by Mika, who accepted
		person(page, 1, "Utsatt i prostitution", "Kvinna", "34", "Nej", "Stockholm", "Ja", "Mikamottagningen", "Ja");

		// Person 2 and 3 come without a page reload (htmx); what was typed stays
		page.evaluate("() => { window.__samePage = true; }");
		addPerson(page, 2);
		person(page, 2, "Misstänkt sexköpare", "Man", "", "Nej", "Solna", "Nej", null, "Nej");
		addPerson(page, 3);
		person(page, 3, "Utsatt i prostitution", "Kvinna", "16", "Ja", "", "Ja", "Mikamottagningen", "Vet ej");
		if (!(Boolean) page.evaluate("() => window.__samePage === true")) {
			throw new AssertionError("Adding a person reloaded the page");
		}
		assertThat(group(page, "Person 1").getByLabel("Ålder (om känd)")).hasValue("34");
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ta bort person 3")))
			.isVisible();
		assertNoSidewaysScroll(page);
		axe(page);

		// Review: the summary, and the warning that the child gives two tasks
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Granska").setExact(true)).click();
		assertThat(heading(page, "Granska passet")).isVisible();
		assertThat(page.getByText("Barn påträffades: 2 uppgifter skapas för enheten när passet sparas.")).isVisible();
		Locator reviewed = page.getByRole(AriaRole.TABLE,
				new Page.GetByRoleOptions().setName("Personer som påträffades"));
		assertThat(reviewed.locator("tbody tr")).hasCount(3);
		assertNoSidewaysScroll(page);
		axe(page);

		// Saved: the confirmation names the tasks
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara passet")).click();
		assertThat(page.getByRole(AriaRole.STATUS))
			.hasText("Passet är sparat. 2 uppgifter om barn som påträffades finns på startsidan.");
		assertThat(heading(page, "Pass " + today)).isVisible();
		assertThat(heading(page, "Påträffade personer: 3")).isVisible();
		assertNoSidewaysScroll(page);
		axe(page);
		long shiftId = Long.parseLong(page.url().replaceFirst(".*/outreach/shifts/(\\d+)$", "$1"));
		long contactTask = taskOf(shiftId, "contact_guardians");
		long concernTask = taskOf(shiftId, "concern_report");

		// The start page lists both tasks for the girl
		mainMenu(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Start")).click();
		Locator tasks = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Mina uppgifter"));
		Locator contact = taskLink(tasks, "Kontakta vårdnadshavare", contactTask);
		Locator concern = taskLink(tasks, "Gör en orosanmälan", concernTask);
		assertThat(contact).isVisible();
		assertThat(concern).isVisible();
		assertNoSidewaysScroll(page);
		axe(page);

		// Closing one: an empty answer is explained field by field, then date and to whom
		contact.click();
		assertThat(heading(page, "Kontakta vårdnadshavare")).isVisible();
		assertThat(page.getByLabel("Datum då det gjordes")).hasValue(today);
		assertNoSidewaysScroll(page);
		axe(page);
		page.getByLabel("Datum då det gjordes").fill("");
		page.getByLabel("Vem som kontaktades").fill("");
		closeTaskButton(page).click();
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("Ange till vem");
		assertThat(page.getByLabel("Vem som kontaktades")).hasAttribute("aria-invalid", "true");
		axe(page);
		page.getByLabel("Datum då det gjordes").fill(today);
		page.getByLabel("Vem som kontaktades").fill("Vårdnadshavare per telefon");
		closeTaskButton(page).click();
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("Uppgiften är klar.");
		assertThat(taskLink(tasks, "Kontakta vårdnadshavare", contactTask)).hasCount(0);
		assertThat(taskLink(tasks, "Gör en orosanmälan", concernTask)).isVisible();
		axe(page);

		// A manager, in her own session, finds the shift in the figures
		managerReadsTheFigures(LocalDate.now(clock));
	}

	/**
	 * The statistics page on a phone for a period up to today (other tests' shifts may
	 * count too).
	 */
	private void managerReadsTheFigures(LocalDate today) {
		String manager = createUser("phonestats", List.of("MANAGER"), List.of("MIKA"));
		Page page = newPage(Browser.PHONE);
		logIn(page, manager);

		mainMenu(page).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Uppsökande")).click();
		page.getByRole(AriaRole.MAIN)
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Statistik").setExact(true))
			.click();
		assertThat(heading(page, "Statistik över uppsökande arbete")).isVisible();

		// A period that contains today
		page.getByLabel("Från och med").fill(today.minusDays(30).toString());
		page.getByLabel("Till och med").fill(today.toString());
		page.getByLabel("Typ av pass").selectOption(new SelectOption().setLabel("Alla pass"));
		page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(Pattern.compile("^Dölj små tal")))
			.uncheck();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Visa").setExact(true)).click();
		assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Text till rapporten"))
			.locator("blockquote")).hasText(Pattern.compile("^Sedan .* arbetspass tillsammans med polisen"));
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ladda ner CSV")))
			.hasAttribute("href", Pattern.compile("from=" + today.minusDays(30) + ".*to=" + today));
		Locator shifts = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Pass").setExact(true));
		Locator people = page.getByRole(AriaRole.TABLE,
				new Page.GetByRoleOptions().setName("Påträffade personer").setExact(true));
		atLeast(shifts, "Tillslag", 0, 1);
		atLeast(people, "Utsatta i prostitution", 0, 2);
		atLeast(people, "Utsatta i prostitution", 1, 1);
		atLeast(people, "Misstänkta sexköpare", 0, 1);
		Locator chart = page.getByRole(AriaRole.IMG,
				new Page.GetByRoleOptions().setName(Pattern.compile("^Stapeldiagram: samverkanspass per vecka")));
		assertThat(chart).isVisible();
		assertThat(chart).hasAccessibleDescription(Pattern.compile("^Samverkanspass med polisen per vecka"));
		// Chart.js has drawn (it sizes the canvas to its box)
		page.waitForFunction("() => window.Chart && Chart.getChart(document.getElementById('weekly-chart'))");
		assertNoSidewaysScroll(page);
		axe(page);

		// The end before the start is explained next to the field
		page.getByLabel("Från och med").fill(today.toString());
		page.getByLabel("Till och med").fill(today.minusDays(1).toString());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Visa").setExact(true)).click();
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("Periodens sista dag får inte vara före den första.");
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ladda ner CSV"))).hasCount(0);
		assertNoSidewaysScroll(page);
		axe(page);
	}

	/**
	 * The number in the given column (0 = first after the row header) of the row is at
	 * least min.
	 */
	private static void atLeast(Locator table, String row, int column, int min) {
		Locator cell = table.getByRole(AriaRole.ROW)
			.filter(new Locator.FilterOptions().setHas(table.page()
				.getByRole(AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName(row).setExact(true))))
			.getByRole(AriaRole.CELL)
			.nth(column);
		assertThat(cell).hasText(Pattern.compile("^\\d+$"));
		int value = Integer.parseInt(cell.innerText().strip());
		if (value < min) {
			throw new AssertionError(row + " shows " + value + ", expected at least " + min);
		}
	}

	/** Fills the person group "Person n"; offeredBy null leaves "Av enhet" empty. */
	private static void person(Page page, int n, String role, String gender, String age, String minor, String home,
			String supportOffered, String offeredBy, String accepted) {
		Locator p = group(page, "Person " + n);
		choose(p, "Roll", role);
		choose(p, "Kön", gender);
		p.getByLabel("Ålder (om känd)").fill(age);
		choose(p, "Under 18 år", minor);
		p.getByLabel("Hemkommun").fill(home);
		choose(p, "Stöd erbjudet", supportOffered);
		p.getByLabel("Av enhet")
			.selectOption(offeredBy == null ? new SelectOption().setValue("") : new SelectOption().setLabel(offeredBy));
		choose(p, "Tackade ja till stöd", accepted);
	}

	/** Taps the answer in a row of buttons (radio buttons) of the person's group. */
	private static void choose(Locator person, String question, String answer) {
		person.getByRole(AriaRole.GROUP, new Locator.GetByRoleOptions().setName(question).setExact(true))
			.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(answer).setExact(true))
			.check();
	}

	private static void addPerson(Page page, int n) {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lägg till person")).click();
		assertThat(group(page, "Person " + n).getByRole(AriaRole.RADIO,
				new Locator.GetByRoleOptions().setName("Annan").setExact(true)))
			.isEditable();
		assertThat(group(page, "Person " + n).getByRole(AriaRole.GROUP,
				new Locator.GetByRoleOptions().setName("Tackade ja till stöd")))
			.isVisible();
	}

	private long taskOf(long shiftId, String kind) {
		return jdbc.sql("SELECT id FROM casework.tasks WHERE shift_id = ? AND kind = ?")
			.params(shiftId, kind)
			.query(Long.class)
			.single();
	}

	/**
	 * The named task link that leads to this task (other tests' tasks for the same unit
	 * may be listed too).
	 */
	private static Locator taskLink(Locator tasks, String name, long id) {
		return tasks.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true))
			.and(tasks.locator("a[href$='/tasks/" + id + "']"));
	}

	private static Locator closeTaskButton(Page page) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Markera som klar"));
	}

	/** The page must fit the phone: no sideways scrolling. */
	private static void assertNoSidewaysScroll(Page page) {
		int width = ((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue();
		int viewport = Browser.PHONE.width();
		if (width > viewport + PHONE_WIDTH_TOLERANCE) {
			@SuppressWarnings("unchecked")
			var wide = (List<String>) page.evaluate(
					"""
							(w) => [...document.querySelectorAll('body *')]
							  .filter(e => e.getBoundingClientRect().right > w + 1)
							  .slice(0, 10)
							  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
							    + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().replace(/\\s+/g, '.') : '')
							    + ' right=' + Math.round(e.getBoundingClientRect().right))""",
					viewport);
			throw new AssertionError("The page " + page.url() + " is " + width + " px wide on a " + viewport
					+ " px phone; too wide: " + wide);
		}
	}

	private static Locator group(Page page, String name) {
		return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	/** The main menu, opened behind its button (on a phone the header folds it away). */
	private static Locator mainMenu(Page page) {
		Locator menu = page.locator("header details.site-menu");
		if (menu.getAttribute("open") == null) {
			page.locator("header summary").click();
		}
		return page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Huvudmeny"));
	}

	private static Locator heading(Page page, String name) {
		return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	private static void logIn(Page page, String username) {
		page.navigate("/login");
		page.getByLabel("Användarnamn").fill(username);
		page.getByLabel("Lösenord", new Page.GetByLabelOptions().setExact(true)).fill(USER_PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logga in").setExact(true)).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText(Pattern.compile("^Välkommen, "));
	}

}
