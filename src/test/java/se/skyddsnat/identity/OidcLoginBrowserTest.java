package se.skyddsnat.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import se.skyddsnat.support.BrowserTest;
import se.skyddsnat.support.Http;
import se.skyddsnat.support.Json;
import se.skyddsnat.support.Keycloak;

/**
 * Login through the organisation's identity provider, a real Keycloak (started for this
 * class, realm src/test/resources/keycloak/skyddsnat-realm.json): a person logs in on
 * Keycloak's own page and is the Skyddsnät user an administrator gave that identity, with
 * that user's units; an identity no user has is refused with a clear page and audited; a
 * disabled user is refused though Keycloak vouches for them; logout ends Keycloak's
 * session too.
 */
class OidcLoginBrowserTest extends BrowserTest {

	private static final String KEYCLOAK_PASSWORD = "Keycloak-Prov-2026";

	private static Keycloak keycloak;

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		registry.add("skyddsnat.oidc.issuer", () -> keycloak().issuer());
		registry.add("skyddsnat.oidc.client-id", () -> Keycloak.CLIENT_ID);
		registry.add("skyddsnat.oidc.client-secret", () -> Keycloak.CLIENT_SECRET);
	}

	private static synchronized Keycloak keycloak() {
		if (keycloak == null) {
			keycloak = Keycloak.start();
		}
		return keycloak;
	}

	@AfterAll
	static void stopKeycloak() {
		if (keycloak != null) {
			keycloak.close();
			keycloak = null;
		}
	}

	@Test
	void shouldLogInThroughKeycloaksOwnPageAsTheMappedUserWithItsUnitsAndLogOutOfBoth() {
		String username = userWithExternalId("karin", "karin.kopplad", "[\"MIKA\",\"KAST\"]");
		Page page = newPage();
		page.navigate("/login");
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logga in").setExact(true)))
			.isVisible();
		logInAtKeycloak(page, "karin.kopplad");

		page.waitForURL("http://localhost:" + port + "/");
		assertThat(page.locator(".user-name")).containsText("Test karin");
		assertThat(page.locator("#units-heading + ul")).containsText("Mikamottagningen");
		assertThat(page.locator("#units-heading + ul")).containsText("KAST");
		assertThat(audit().by(username).kind("LOGIN").where("details = ?", "channel=oidc").count()).isEqualTo(1);

		// logout ends the local session and Keycloak's (RP-initiated logout): the next
		// login asks for the password again
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Logga ut")).click();
		page.waitForURL(Pattern.compile(".*/login\\?logout$"));
		assertThat(page.locator("body")).containsText("Du är utloggad");
		page.navigate("/");
		page.waitForURL(Pattern.compile(".*/login$"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Logga in med organisationens inloggning"))
			.click();
		page.waitForURL(Pattern.compile(".*/realms/skyddsnat/.*"));
		assertThat(page.locator("#password")).isVisible();
		assertThat(audit().by(username).kind("LOGOUT").count()).isEqualTo(1);
	}

	@Test
	void shouldRefuseAnIdentityThatNoUserHasWithAClearPageAndAnAuditRow() {
		Page page = newPage();
		page.navigate("/login");
		logInAtKeycloak(page, "olle.okand");

		page.waitForURL(Pattern.compile(".*/login/oidc-refused$"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ingen användare i Skyddsnät")))
			.isVisible();
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("inte kopplad till någon användare i Skyddsnät");
		axe(page);
		assertThat(audit().by("olle.okand")
			.kind("LOGIN_REFUSED")
			.where("details = ?", "channel=oidc; unknown identity")
			.count()).isEqualTo(1);
		page.navigate("/");
		page.waitForURL(Pattern.compile(".*/login$"));
	}

	@Test
	void shouldRefuseADisabledUserThoughKeycloakVouchesForThem() {
		String username = userWithExternalId("stina", "stina.stangd", "[\"MIKA\"]");
		long id = jdbc.sql("SELECT id FROM identity.users WHERE username = ?")
			.param(username)
			.query(Long.class)
			.single();
		Http admin = http();
		admin.login(ADMIN, ADMIN_PASSWORD);
		admin.get("/admin/users/" + id);
		var saved = admin.post("/admin/users/" + id, Map.of("displayName", "Test stina", "roles", "CASEWORKER", "units",
				"MIKA", "externalId", "stina.stangd", "_enabled", "on"));
		assertThat(Http.location(saved)).endsWith("/admin/users");

		Page page = newPage();
		page.navigate("/login");
		logInAtKeycloak(page, "stina.stangd");
		page.waitForURL(Pattern.compile(".*/login\\?error=disabled$"));
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("Kontot är avstängt");
		assertThat(audit().by(username).kind("LOGIN_REFUSED").where("details = ?", "channel=oidc; disabled").count())
			.isEqualTo(1);
	}

	private void logInAtKeycloak(Page page, String keycloakUser) {
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Logga in med organisationens inloggning"))
			.click();
		page.waitForURL(Pattern.compile(".*/realms/skyddsnat/.*"));
		page.locator("#username").fill(keycloakUser);
		page.locator("#password").fill(KEYCLOAK_PASSWORD);
		page.locator("#kc-login").click();
	}

	/**
	 * A CASEWORKER of the units whose identity at the provider is {@code externalId},
	 * made through the admin API.
	 */
	private String userWithExternalId(String prefix, String externalId, String unitsJson) {
		String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		var created = http()
			.json("POST", "/api/v1/users",
					"""
							{"username":"%s","displayName":"Test %s","password":"%s","roles":["CASEWORKER"],"units":%s,"externalId":"%s"}"""
						.formatted(username, prefix, USER_PASSWORD, unitsJson, externalId),
					token(ADMIN, ADMIN_PASSWORD));
		org.assertj.core.api.Assertions.assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		org.assertj.core.api.Assertions.assertThat(created.body()).contains("\"externalId\":\"" + externalId + "\"");
		Json.id(created);
		return username;
	}

}
