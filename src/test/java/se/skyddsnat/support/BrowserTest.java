package se.skyddsnat.support;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * The real application driven by a real Chromium: one browser per test class, one fresh
 * session per {@link #newPage} (closed after each test).
 */
public abstract class BrowserTest extends IntegrationTest {

	private static Browser browser;

	private final List<BrowserContext> contexts = new ArrayList<>();

	@BeforeAll
	static void launchBrowser() {
		browser = Browser.launch();
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
			browser = null;
		}
	}

	@AfterEach
	void closeContexts() {
		contexts.forEach(BrowserContext::close);
		contexts.clear();
	}

	/** A page in a new session (own cookies) against the running app, desktop-sized. */
	protected Page newPage() {
		return newPage(Browser.DESKTOP);
	}

	protected Page newPage(Browser.Viewport viewport) {
		BrowserContext context = browser.newContext("http://localhost:" + port, viewport);
		contexts.add(context);
		return context.newPage();
	}

	/** A page in a new session whose scripts never run: what works without JavaScript. */
	protected Page newPageWithoutJavaScript(Browser.Viewport viewport) {
		BrowserContext context = browser.newContext("http://localhost:" + port, viewport, false);
		contexts.add(context);
		return context.newPage();
	}

	/** Logs in through the login form, as a person would. */
	protected static void logIn(Page page, String username, String password) {
		page.navigate("/login");
		page.getByLabel("Användarnamn").fill(username);
		page.getByLabel("Lösenord", new Page.GetByLabelOptions().setExact(true)).fill(password);
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Logga in").setExact(true))
			.click();
	}

	/**
	 * Fails the test with every WCAG 2.1 A/AA violation axe-core finds on the page as it
	 * is now.
	 */
	protected static void axe(Page page) {
		Browser.axe(page);
	}

}
