package se.skyddsnat.idempotency;

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
 * In Chromium, as people meet it: a shift saved on a phone whose first tap got no answer
 * is saved once and says so; a task a colleague closed a moment earlier is explained on
 * the page; a login with a control character is refused on the login page. Each page
 * checked with axe-core (WCAG 2.1 A/AA).
 */
class RepeatedFormsBrowserTest extends BrowserTest {

	@Autowired
	private Clock clock;

	@Test
	void shouldSaveTheShiftOnceWhenTheFirstTapGotNoAnswer() {
		String caseworker = createUser("tap", List.of("CASEWORKER"), List.of("RK_BARN"));
		Page page = newPage(Browser.PHONE);
		logIn(page, caseworker, USER_PASSWORD);
		page.navigate("/outreach/shifts/new");
		page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Eget uppsökande")).check();
		page.getByLabel("Arena").selectOption(new SelectOption().setLabel("Gata"));
		Locator person = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Person 1"));
		person.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Utsatt i prostitution")).check();
		person.getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName("Kvinna")).check();
		person.getByLabel("Ålder (om känd)").fill("16");
		person.getByLabel("Av enhet").selectOption(new SelectOption().setLabel("Regionkoordinatorer barn"));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Granska").setExact(true)).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Granska passet"))).isVisible();

		// the first tap on "Spara passet" reaches the server, but its answer never
		// reaches the phone
		page.evaluate("""
				async () => {
				  const form = document.querySelector('main form');
				  const data = new URLSearchParams(new FormData(form));
				  data.set('action', 'save');
				  await fetch(form.action, { method: 'POST', body: data, redirect: 'manual' });
				}""");
		// so she taps again
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara passet")).click();

		assertThat(page.getByRole(AriaRole.STATUS))
			.hasText("Passet är sparat. 2 uppgifter om barn som påträffades finns på startsidan.");
		assertThat(page).hasURL(Pattern.compile(".*/outreach/shifts/\\d+$"));
		axe(page);
		expectCount(1, "SELECT count(*) FROM outreach.shifts WHERE recorded_by = ?", caseworker);
		expectCount(2, "SELECT count(*) FROM casework.tasks t JOIN outreach.shifts s ON s.id = t.shift_id "
				+ "WHERE s.recorded_by = ?", caseworker);

	}

	@Test
	void shouldTellTheSecondPersonThatAColleagueClosedTheTaskFirst() {
		String today = LocalDate.now(clock).toString();
		String anna = createUser("first", List.of("CASEWORKER"), List.of("RK_BARN"));
		String bo = createUser("second", List.of("CASEWORKER"), List.of("RK_BARN"));
		long task = childTask(anna, today);
		Page annas = newPage();
		logIn(annas, anna, USER_PASSWORD);
		Page bos = newPage();
		logIn(bos, bo, USER_PASSWORD);
		annas.navigate("/tasks/" + task);
		bos.navigate("/tasks/" + task);

		annas.getByLabel("Vem som kontaktades").fill("Vårdnadshavare per telefon");
		annas.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Markera som klar")).click();
		assertThat(annas.getByRole(AriaRole.STATUS)).hasText("Uppgiften är klar.");
		bos.getByLabel("Vem som kontaktades").fill("Mamman, i telefon");
		bos.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Markera som klar")).click();

		assertThat(bos.getByRole(AriaRole.ALERT))
			.hasText("Uppgiften hann markeras som klar av " + anna + " innan du sparade. Det du skrev sparades inte.");
		assertThat(bos.getByText("Klar " + today + ": Vårdnadshavare per telefon")).isVisible();
		assertThat(bos.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Markera som klar"))).hasCount(0);
		axe(bos);
		expectCount(1, "SELECT count(*) FROM audit.audit_log WHERE subject_type = 'task' AND subject_id = ?",
				String.valueOf(task));
	}

	@Test
	void shouldRefuseAControlCharacterOnTheLoginPage() {
		Page page = newPage();
		page.navigate("/login");
		page.evaluate("() => { document.getElementById('username').value = 'ad\\u0000min'; }");
		page.getByLabel("Lösenord", new Page.GetByLabelOptions().setExact(true)).fill(ADMIN_PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logga in").setExact(true)).click();

		assertThat(page.getByRole(AriaRole.ALERT))
			.hasText(Pattern.compile("^Användarnamnet innehåller ett otillåtet tecken"));
		assertThat(page.getByLabel("Användarnamn")).hasAttribute("aria-invalid", "true");
		axe(page);
		page.getByLabel("Användarnamn").fill(ADMIN);
		page.getByLabel("Lösenord", new Page.GetByLabelOptions().setExact(true)).fill(ADMIN_PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logga in").setExact(true)).click();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logga ut"))).isVisible();
	}

	private void expectCount(long expected, String sql, String param) {
		org.assertj.core.api.Assertions.assertThat(jdbc.sql(sql).param(param).query(Long.class).single())
			.as(sql)
			.isEqualTo(expected);
	}

	private long childTask(String user, String today) {
		var shift = http().json("POST", "/api/v1/outreach/shifts", """
				{"date":"%s","kind":"own","arena":"street","municipality":"0180","units":["RK_BARN"],
				 "encounters":[{"role":"exposed","gender":"female","age":15,"minor":"yes","home_municipality":"0126",
				                "support_offered":true,"offered_by":"RK_BARN","accepted":"unknown"}]}"""
			.formatted(today), token(user, USER_PASSWORD));
		long shiftId = Long.parseLong(shift.body().replaceAll("\\D+", ""));
		return jdbc.sql("SELECT id FROM casework.tasks WHERE shift_id = ? AND kind = 'contact_guardians'")
			.param(shiftId)
			.query(Long.class)
			.single();
	}

}
