package se.skyddsnat.audit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import se.skyddsnat.support.BrowserTest;

/**
 * The access-log page in Chromium: the chain's state arrives after the page (htmx) with
 * the last checkpoint, "Kontrollera hela kedjan" verifies from the first row in place,
 * and the page passes axe (WCAG 2.1 A/AA) in Swedish and English.
 */
class AccessLogBrowserTest extends BrowserTest {

	@Test
	void shouldShowTheChainAndItsCheckpointAndVerifyTheWholeChainOnRequest() {
		Page page = newPage();
		logIn(page, ADMIN, ADMIN_PASSWORD);
		page.navigate("/admin/audit");

		var chain = page.locator("#chain-status");
		assertThat(chain).containsText("Loggens kedja är obruten");
		assertThat(chain).containsText("Senaste kontrollpunkt");
		axe(page);

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kontrollera hela kedjan")).click();
		assertThat(chain).containsText("kontrollerad från första raden 20");
		assertThat(chain).containsText("till och med position");
		assertThat(page).hasURL(java.util.regex.Pattern.compile("/admin/audit$"));
		axe(page);

		page.navigate("/admin/audit?lang=en");
		assertThat(page.locator("#chain-status")).containsText("The log's chain is intact");
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify the whole chain")))
			.isVisible();
		axe(page);
	}

}
