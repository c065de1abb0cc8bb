package se.skyddsnat.casework;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

import se.skyddsnat.support.BrowserTest;

/**
 * Case work in Chromium: from a person met on a raid to a case with a signed note, handed
 * over to another unit that accepts it and reads the case and the person — not the
 * journal. axe-core checks the person, case and search pages on the way.
 */
class CaseworkBrowserTest extends BrowserTest {

	private static final String TODAY = LocalDate.now(ZoneId.of("Europe/Stockholm")).toString();

	@Test
	void shouldTakeAPersonFromAShiftToACaseWithASignedNoteAndHandItOver() {
		String mika = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String kast = createUser("kast", List.of("CASEWORKER"), List.of("KAST"));
		var shift = http().json("POST", "/api/v1/outreach/shifts", """
				{"date":"%s","kind":"joint","police_operation":"raid","arena":"apartment","municipality":"0180",
				 "units":["MIKA"],"encounters":[{"role":"exposed","gender":"female","age":24,"minor":"no",
				 "home_municipality":"0180","support_offered":"yes","offered_by":"MIKA","accepted":"yes"}]}"""
			.formatted(TODAY), token(mika, USER_PASSWORD));
		Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(shift.body());
		if (!id.find()) {
			throw new AssertionError(shift.body());
		}
		String alias = "Fjäril-" + Numbers.suffix();

		Page page = newPage();
		logIn(page, mika, USER_PASSWORD);
		page.navigate("/outreach/shifts/" + id.group(1));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Koppla person 1 till ett ärende")).click();
		axe(page);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registrera som ny person")).click();
		assertThat(page.getByLabel("Födelseår")).hasValue(String.valueOf(LocalDate.parse(TODAY).getYear() - 24));
		page.getByLabel("Alias som personen själv valt").fill(alias);
		axe(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara")).click();

		// the case form follows, for that person
		page.getByLabel("Typ av ärende").selectOption("mika_support");
		page.getByLabel("Anledning").fill("Påträffad vid tillslag, vill ha stöd");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Öppna ärendet")).click();
		assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Ärendet är öppnat.");
		String caseUrl = page.url();
		axe(page);

		// a note, signed
		page.getByLabel("Typ av kontakt eller insats").selectOption("support_talk");
		page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Personligt möte")).check();
		page.getByLabel("Minuter").fill("45");
		page.getByLabel("Anteckning", new Page.GetByLabelOptions().setExact(true))
			.fill("Samtal om boende och trygghet.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Signera")).click();
		assertThat(page.getByText("Samtal om boende och trygghet.")).isVisible();
		axe(page);

		// handed over to KAST
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ny överlämning")).click();
		page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Annan enhet i organisationen")).check();
		page.getByLabel("Enhet (vid överlämning till annan enhet)").selectOption("KAST");
		page.getByLabel("Överlämningssammanfattning").fill("Personen vill ha samtal om en anhörig som köpt sex.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara som utkast")).click();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skicka överlämningen")).click();
		assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Överlämningen är skickad.");

		// search finds the person by alias, without diacritics
		page.navigate("/people");
		page.getByLabel("Personnummer, namn eller alias").fill(alias.replace("ä", "a").toLowerCase());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sök").setExact(true)).click();
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(alias))).isVisible();
		org.assertj.core.api.Assertions.assertThat(page.url()).doesNotContain("fjaril"); // no
																							// search
																							// term
																							// in
																							// the
																							// URL
		axe(page);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(alias)).click();
		axe(page);

		// KAST: nothing to see until the handover is accepted
		Page other = newPage();
		logIn(other, kast, USER_PASSWORD);
		org.assertj.core.api.Assertions.assertThat(other.navigate(caseUrl).status()).isEqualTo(404);
		other.navigate("/");
		other.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Inkommande överlämning")))
			.click();
		assertThat(other.getByText("Personen vill ha samtal om en anhörig som köpt sex.")).isVisible();
		other.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ta emot överlämningen")).click();
		other.navigate(caseUrl);
		assertThat(other.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Ärende");
		// the handover shares the case's facts and the named person, not the sending
		// unit's journal
		assertThat(
				other.getByText("Journalen, spåret och samtyckena är den egna enhetens dokumentation och delas inte.",
						new Page.GetByTextOptions().setExact(false)))
			.isVisible();
		assertThat(other.getByText("Samtal om boende och trygghet.")).hasCount(0);
		assertThat(other.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(alias))).isVisible();
		axe(other);
	}

	@Test
	void shouldSayThatADraftWasNotSavedWhenTheSessionHasEnded() {
		String mika = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String token = token(mika, USER_PASSWORD);
		Matcher person = Pattern.compile("\"id\":(\\d+)")
			.matcher(
					http()
						.json("POST", "/api/v1/people",
								"{\"alias\":\"Utkast-" + Numbers.suffix()
										+ "\",\"gender\":\"female\",\"unit\":\"MIKA\"}",
								token)
						.body());
		person.find();
		Matcher caseId = Pattern.compile("\"id\":(\\d+)")
			.matcher(http().json("POST", "/api/v1/cases",
					"{\"unit\":\"MIKA\",\"kind\":\"mika_support\",\"openedOn\":\"" + TODAY + "\",\"reason\":\"Stöd\","
							+ "\"people\":[{\"personId\":" + person.group(1) + ",\"role\":\"exposed\"}]}",
					token)
				.body());
		caseId.find();

		Page page = newPage();
		logIn(page, mika, USER_PASSWORD);
		page.navigate("/cases/" + caseId.group(1));
		Locator note = page.getByLabel("Anteckning", new Page.GetByLabelOptions().setExact(true));
		note.pressSequentially("Första raden.");
		assertThat(page.locator("#journal-autosave")).containsText("sparades",
				new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));

		page.context().clearCookies(); // the session ends (timeout, another tab logged
										// out)
		note.pressSequentially(" Andra raden.");
		assertThat(page.locator("#journal-autosave")).hasText(
				"Inte sparat: du är utloggad. Kopiera texten, logga in igen och klistra in den.",
				new LocatorAssertions.HasTextOptions().setTimeout(10_000));
	}

}
