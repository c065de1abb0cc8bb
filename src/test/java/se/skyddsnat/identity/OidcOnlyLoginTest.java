package se.skyddsnat.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/**
 * {@code SKYDDSNAT_OIDC_ONLY=true}: the login page offers the organisation's provider
 * alone, and a password sent to the form logs nobody in. The provider is never reached
 * here (its discovery document is read at the first OIDC login, so the application starts
 * without it); OidcLoginBrowserTest logs in through a real one. The API's tokens still
 * take passwords (automation accounts).
 */
@TestPropertySource(properties = { "skyddsnat.oidc.issuer=http://localhost:9/realms/none",
		"skyddsnat.oidc.client-id=skyddsnat", "skyddsnat.oidc.client-secret=unused", "skyddsnat.oidc.only=true" })
class OidcOnlyLoginTest extends IntegrationTest {

	@Test
	void shouldOfferOnlyTheIdentityProviderAndRefuseTheForm() {
		Http browser = http();
		String page = browser.get("/login").body();
		assertThat(page).contains("Logga in med organisationens inloggning")
			.contains("/oauth2/authorization/oidc")
			.doesNotContain("name=\"password\"");

		var posted = browser.post("/login", Map.of("username", ADMIN, "password", ADMIN_PASSWORD));
		assertThat(posted.statusCode()).isNotEqualTo(302);
		assertThat(Http.location(browser.get("/"))).endsWith("/login");
		assertThat(audit().by(ADMIN).kind("LOGIN").where("details = ?", "channel=form").count()).isZero();

		// the form-action of the CSP allows the provider (logout redirects there)
		assertThat(browser.get("/login").headers().firstValue("Content-Security-Policy").orElseThrow())
			.contains("form-action 'self' http://localhost:9;");
		assertThat(token(ADMIN, ADMIN_PASSWORD)).isNotBlank();

		// the provider does not answer: the login page says so (no error page)
		var away = browser.get("/oauth2/authorization/oidc");
		assertThat(Http.location(away)).endsWith("/login?error=oidcUnavailable");
		assertThat(browser.get("/login?error=oidcUnavailable").body()).contains("svarar inte just nu");
	}

}
