package se.skyddsnat.mail;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import se.skyddsnat.support.BrowserTest;

/**
 * "Utkorg" in Chromium: reached from the menu, the table of mails and a mail's page, in
 * Swedish and English, pass axe.
 */
class OutboxBrowserTest extends BrowserTest {

	@Autowired
	Outbox outbox;

	@Test
	void anAdministratorOpensTheOutboxFromTheMenuAndReadsAMail() {
		String to = "deltagare-" + UUID.randomUUID().toString().substring(0, 8) + "@example.se";
		String subject = "Påminnelse: utbildning om två dagar " + to.substring(10, 18);
		outbox.queue(OutgoingMail
			.to(to, subject, "Hej!\n\nUtbildningen börjar kl. 09.00.\nLänk: http://localhost:8080/public/training/1")
			.withHtml("<p>Hej!</p>"));

		Page page = newPage();
		logIn(page, ADMIN, ADMIN_PASSWORD);
		page.getByRole(AriaRole.NAVIGATION)
			.getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Utkorg"))
			.click();
		assertThat(page).hasURL(java.util.regex.Pattern.compile("/admin/outbox$"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Utkorg"))).isVisible();
		var row = page.getByRole(AriaRole.ROW)
			.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(subject));
		assertThat(row).containsText(to);
		assertThat(row).containsText("Väntar");
		axe(page);

		row.getByRole(AriaRole.LINK).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(subject))).isVisible();
		assertThat(page.locator("pre.mail-text").first()).containsText("Utbildningen börjar kl. 09.00.");
		axe(page);
		page.getByText("Visa HTML-koden").click();
		axe(page);

		page.navigate(page.url() + "?lang=en");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("The mail's text")))
			.isVisible();
		axe(page);
		page.navigate("/admin/outbox");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Outbox"))).isVisible();
		axe(page);
	}

}
