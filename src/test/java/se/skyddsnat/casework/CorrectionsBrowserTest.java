package se.skyddsnat.casework;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import se.skyddsnat.support.BrowserTest;

/**
 * The correction pages in a browser, each checked with axe-core: a shift voided from its
 * page (struck through, the reason shown), a person corrected through the form with the
 * change history on the person page, a case's print view.
 */
class CorrectionsBrowserTest extends BrowserTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void shouldVoidAShiftCorrectAPersonAndPrintACaseAccessibly() {
		String mika = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String token = token(mika, USER_PASSWORD);
		long shift = se.skyddsnat.support.Json.id(http().json("POST", "/api/v1/outreach/shifts", """
				{"date":"%s","kind":"own","arena":"street","municipality":"0180","units":["MIKA"],
				 "encounters":[{"role":"exposed","gender":"female","age":24,"minor":"no","home_municipality":"0180",
				                "support_offered":true,"offered_by":"MIKA","accepted":"yes"}]}"""
			.formatted(LocalDate.now().minusDays(1)), token));
		String name = "Vilma Sten-" + Numbers.suffix();
		long person = se.skyddsnat.support.Json.id(http().json("POST", "/api/v1/people", """
				{"personalNumber":"%s","name":"%s","gender":"female","unit":"MIKA","confirmDuplicate":true}"""
			.formatted(Numbers.personnummer(), name), token));
		long caseId = se.skyddsnat.support.Json.id(http().json("POST", "/api/v1/cases", """
				{"unit":"MIKA","kind":"mika_support","openedOn":"%s","reason":"Stöd",
				 "people":[{"personId":%d,"role":"exposed"}]}""".formatted(LocalDate.now().minusDays(3), person),
				token));

		Page page = newPage();
		logIn(page, mika, USER_PASSWORD);
		page.navigate("/outreach/shifts/" + shift);
		axe(page);
		page.getByLabel("Skäl (syns för enheterna)").fill("Registrerat på fel dag");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Makulera passet")).click();
		assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Makuleringen är sparad");
		assertThat(page.getByText("Registrerat på fel dag")).isVisible();
		axe(page);

		page.navigate("/people/" + person);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ändra uppgifter")).click();
		axe(page);
		page.getByLabel("Telefon").fill("070-7654321");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara")).click();
		assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Ändringen är sparad");
		assertThat(page.getByRole(AriaRole.TABLE)).containsText("070-7654321");
		axe(page);

		page.navigate("/cases/" + caseId);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skriv ut ärendet")).click();
		assertThat(page.getByRole(AriaRole.NOTE)).containsText("Sekretess enligt OSL 26 kap. 1 §");
		assertThat(page.getByRole(AriaRole.NOTE)).containsText("Utskriven av Test mika");
		axe(page);
	}

}
