package se.skyddsnat.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import se.skyddsnat.support.BrowserTest;

/**
 * The Swedish error page for refused input, as a person sees it in a browser: the field
 * named, WCAG 2.1 AA.
 */
class ErrorPageBrowserTest extends BrowserTest {

	@Test
	void shouldNameTheRefusedFieldOnAnAccessibleSwedishPage() {
		var page = newPage();
		logIn(page, createUser("errpage", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);

		var response = page.navigate("/people?encounterId=%00");
		assertThat(response.status()).isEqualTo(400);
		assertThat(page.locator("main h1").textContent()).isEqualTo("Något gick fel");
		assertThat(page.locator("main").textContent()).contains("Fältet encounterId")
			.contains("Texten innehåller ett tecken som inte kan sparas")
			.contains("Gå tillbaka med webbläsarens bakåtknapp");
		assertThat(page.locator("nav.main-nav")).isNotNull();
		axe(page);

		var missing = page.navigate("/finns-inte");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(page.locator("main").textContent()).contains("Sidan finns inte.");
		axe(page);
	}

}
