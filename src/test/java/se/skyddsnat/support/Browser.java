package se.skyddsnat.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * One Playwright with the system Chromium (never a downloaded browser), for one test
 * class. Contexts are isolated browser sessions (own cookies); {@link #axe(Page)} checks
 * a page against WCAG 2.1 A/AA.
 */
public final class Browser implements AutoCloseable {

	/** A viewport in CSS pixels. */
	public record Viewport(int width, int height) {
	}

	public static final Viewport DESKTOP = new Viewport(1280, 900);

	public static final Viewport PHONE = new Viewport(390, 844);

	private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu",
			"--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
			"--disable-sync", "--no-first-run", "--disable-quic");

	private static final String AXE_RUN = "async (tags) => { const r = await axe.run(document, "
			+ "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});"
			+ " return r.violations.map(v => ({id: v.id, impact: v.impact || '', help: v.help,"
			+ " targets: v.nodes.map(n => n.target.join(' '))})); }";

	private static volatile String axeSource;

	private final Playwright playwright;

	private final com.microsoft.playwright.Browser chromium;

	private Browser(Playwright playwright, com.microsoft.playwright.Browser chromium) {
		this.playwright = playwright;
		this.chromium = chromium;
	}

	public static Browser launch() {
		Playwright playwright = Playwright.create();
		try {
			return new Browser(playwright,
					playwright.chromium()
						.launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get("/usr/bin/chromium"))
							.setHeadless(true)
							.setArgs(CHROMIUM_ARGS)));
		}
		catch (RuntimeException e) {
			playwright.close();
			throw e;
		}
	}

	/**
	 * A fresh session (no cookies) whose relative URLs resolve against baseUrl; close it
	 * when done.
	 */
	public BrowserContext newContext(String baseUrl, Viewport viewport) {
		return newContext(baseUrl, viewport, true);
	}

	/**
	 * A fresh session, with or without JavaScript (what a page does before, or without,
	 * its scripts).
	 */
	public BrowserContext newContext(String baseUrl, Viewport viewport, boolean javaScript) {
		BrowserContext context = chromium
			.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setBaseURL(baseUrl)
				.setViewportSize(viewport.width(), viewport.height())
				.setJavaScriptEnabled(javaScript));
		context.setDefaultTimeout(10_000);
		return context;
	}

	/** A page in a fresh session; closing its context closes it. */
	public Page newPage(String baseUrl, Viewport viewport) {
		return newContext(baseUrl, viewport).newPage();
	}

	/**
	 * Runs axe-core on the page as it is now (WCAG 2.0/2.1 A and AA) and fails with every
	 * violation. The app's CSP forbids inline script and eval, but Playwright's evaluate
	 * runs through the DevTools protocol, which CSP does not apply to, so no bypassCSP is
	 * needed.
	 */
	public static void axe(Page page) {
		if (!(Boolean) page.evaluate("() => typeof window.axe !== 'undefined'")) {
			page.evaluate(axeSource());
		}
		@SuppressWarnings("unchecked")
		var violations = (List<Map<String, Object>>) page.evaluate(AXE_RUN, WCAG_TAGS);
		if (!violations.isEmpty()) {
			throw new AssertionError("Accessibility violations on " + page.url() + ":\n"
					+ violations.stream()
						.map(v -> "- " + v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + "\n    "
								+ ((List<?>) v.get("targets")).stream()
									.map(String::valueOf)
									.collect(Collectors.joining("\n    ")))
						.collect(Collectors.joining("\n")));
		}
	}

	/** axe.min.js as bundled at the root of com.deque.html.axe-core:playwright. */
	private static String axeSource() {
		if (axeSource == null) {
			try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
				if (in == null) {
					throw new IllegalStateException("axe.min.js not on the test classpath");
				}
				axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return axeSource;
	}

	@Override
	public void close() {
		try {
			chromium.close();
		}
		finally {
			playwright.close();
		}
	}

}
