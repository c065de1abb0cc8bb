package se.skyddsnat.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import se.skyddsnat.support.BrowserTest;

/**
 * The foundation as a person meets it in Chromium: a Swedish login page that switches to
 * English, an administrator creating a colleague, and the colleague's first login with a
 * one-time password. Every screen on the way is checked with axe-core (WCAG 2.1 A/AA),
 * error states included.
 */
class FoundationBrowserTest extends BrowserTest {

	private static final String NEW_PASSWORD = "Granskog-Vinter-Ljus-42";

	@Test
	void shouldLetAnAdministratorCreateAColleagueWhoChoosesHerOwnPassword() {
		Page page = newPage();

		// The login page is Swedish, and English is one link away (and back)
		page.navigate("/login");
		assertThat(page.locator("html")).hasAttribute("lang", "sv");
		assertThat(heading(page, "Logga in i Skyddsnät")).isVisible();
		assertThat(page.getByLabel("Användarnamn")).isEditable();
		assertThat(page.getByLabel("Lösenord")).isEditable();
		axe(page);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("English")).click();
		assertThat(page.locator("html")).hasAttribute("lang", "en");
		assertThat(heading(page, "Log in to Skyddsnät")).isVisible();
		assertThat(page.getByLabel("User name")).isEditable();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Svenska")).click();
		assertThat(page.locator("html")).hasAttribute("lang", "sv");
		assertThat(heading(page, "Logga in i Skyddsnät")).isVisible();

		// The administrator logs in and goes to the users
		logIn(page, ADMIN, ADMIN_PASSWORD);
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText(Pattern.compile("^Välkommen, "));
		axe(page);
		page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Huvudmeny"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Användare"))
			.click();
		assertThat(heading(page, "Användare")).isVisible();
		axe(page);

		// An empty form is answered with a summary naming each missing field
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ny användare")).click();
		assertThat(heading(page, "Ny användare")).isVisible();
		axe(page);
		createButton(page).click();
		Locator summary = page.getByRole(AriaRole.ALERT);
		assertThat(summary).containsText("Formuläret har fel som behöver rättas");
		assertThat(summary.getByRole(AriaRole.LINK)).hasText(new Pattern[] { Pattern.compile("^Ange ett användarnamn"),
				Pattern.compile("^Välj minst en roll"), Pattern.compile("^Ange namnet") });
		assertThat(page.getByLabel("Användarnamn")).hasAttribute("aria-invalid", "true");
		axe(page);

		// A caseworker at the Mika clinic, with a one-time password shown once
		String username = "astrid-" + UUID.randomUUID().toString().substring(0, 8);
		page.getByLabel("Användarnamn").fill(username);
		page.getByLabel("Namn", new Page.GetByLabelOptions().setExact(true)).fill("Astrid Skogsberg");
		page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Socialsekreterare/behandlare")).check();
		page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Mikamottagningen (MIKA)")).check();
		createButton(page).click();
		assertThat(heading(page, "Användaren är skapad")).isVisible();
		assertThat(page.getByText("Engångslösenord för " + username)).isVisible();
		String oneTimePassword = page.locator("#one-time-password").innerText().strip();
		if (oneTimePassword.length() < 12) {
			throw new AssertionError("No one-time password on the page: '" + oneTimePassword + "'");
		}
		axe(page);
		logOut(page);

		// Her first login leads straight to choosing a password of her own
		logIn(page, username, oneTimePassword);
		assertThat(heading(page, "Byt lösenord")).isVisible();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Du loggade in med ett engångslösenord");
		assertThat(page.getByRole(AriaRole.NAVIGATION)).hasCount(0);
		axe(page);
		changePassword(page, oneTimePassword, "kort");
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("Lösenordet måste ha minst 12 tecken.");
		assertThat(page.getByLabel("Nytt lösenord", new Page.GetByLabelOptions().setExact(true)))
			.hasAccessibleDescription("Lösenordet måste ha minst 12 tecken.");
		axe(page);
		changePassword(page, oneTimePassword, NEW_PASSWORD);
		assertThat(heading(page, "Välkommen, Astrid Skogsberg")).isVisible();
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("Lösenordet är bytt.");
		axe(page);
		logOut(page);

		// The new password is hers from now on
		logIn(page, username, NEW_PASSWORD);
		assertThat(heading(page, "Välkommen, Astrid Skogsberg")).isVisible();
	}

	private static Locator heading(Page page, String name) {
		return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name).setExact(true));
	}

	private static Locator createButton(Page page) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skapa användare"));
	}

	private static void logOut(Page page) {
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logga ut")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("Du är utloggad.");
	}

	private static void changePassword(Page page, String current, String newPassword) {
		page.getByLabel("Nuvarande lösenord").fill(current);
		page.getByLabel("Nytt lösenord", new Page.GetByLabelOptions().setExact(true)).fill(newPassword);
		page.getByLabel("Upprepa nytt lösenord").fill(newPassword);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Byt lösenord")).click();
	}

}
