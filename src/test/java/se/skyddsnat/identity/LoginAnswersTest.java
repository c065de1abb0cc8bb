package se.skyddsnat.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/**
 * What a login answers tells nothing about which user names exist or are locked, while
 * the administrator still sees the lock; hostile characters in the fields are a clear
 * 400, never a 500, and are audited like any failed login.
 */
class LoginAnswersTest extends IntegrationTest {

	private static final String SAME_ANSWER = "Fel användarnamn eller lösenord, eller låst konto.";

	@Test
	void shouldAnswerAnUnknownUserAWrongPasswordAndALockedAccountAlike() {
		String locked = createUser("locked", List.of("CASEWORKER"), List.of("MIKA"));
		String known = createUser("known", List.of("CASEWORKER"), List.of("MIKA"));
		for (int i = 1; i <= 6; i++) {
			http().login(locked, "fel-lösenord-nummer-" + i);
		}

		var unknownForm = http().login("ingen-" + known, "fel-fel-fel-fel");
		var wrongForm = http().login(known, "fel-fel-fel-fel");
		var lockedRightForm = http().login(locked, USER_PASSWORD);
		var lockedWrongForm = http().login(locked, "fel-fel-fel-fel");
		assertThat(List.of(unknownForm, wrongForm, lockedRightForm, lockedWrongForm))
			.allSatisfy(a -> assertThat(Http.location(a)).endsWith("/login?error=bad"));
		assertThat(http().get("/login?error=bad").body()).contains(SAME_ANSWER);

		var unknownApi = tokenRequest("ingen-" + known, "fel-fel-fel-fel");
		var wrongApi = tokenRequest(known, "fel-fel-fel-fel");
		var lockedRightApi = tokenRequest(locked, USER_PASSWORD);
		assertThat(List.of(unknownApi, wrongApi, lockedRightApi)).allSatisfy(a -> {
			assertThat(a.statusCode()).isEqualTo(401);
			assertThat(a.body()).isEqualTo(unknownApi.body()).contains(SAME_ANSWER);
		});

		// the administrator sees the lock: on the user list, the user's page and in the
		// audit log
		var admin = http();
		admin.login(ADMIN, ADMIN_PASSWORD);
		String list = admin.get("/admin/users").body();
		String row = list.substring(list.indexOf(">" + locked + "<"));
		assertThat(row.substring(0, row.indexOf("</tr>"))).contains("Låst");
		long id = jdbc.sql("SELECT id FROM identity.users WHERE username = ?").param(locked).query(Long.class).single();
		assertThat(admin.get("/admin/users/" + id).body()).contains("Kontot är låst till");
		assertThat(jdbc.sql("SELECT kind || ' ' || details FROM audit.audit_log WHERE actor = ? ORDER BY id")
			.param(locked)
			.query(String.class)
			.list()).contains("ACCOUNT_LOCKED channel=form; 6 failed logins", "LOGIN_REFUSED channel=form; locked",
					"LOGIN_REFUSED channel=api; locked");
		assertThat(jdbc.sql("SELECT count(*) FROM audit.audit_log WHERE actor = ? AND details LIKE '%unknown user'")
			.param("ingen-" + known)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void shouldTellADisabledAccountOnlyToSomeoneWithTheRightPassword() {
		String user = createUser("off", List.of("CASEWORKER"), List.of("MIKA"));
		jdbc.sql("UPDATE identity.users SET enabled = false WHERE username = ?").param(user).update();

		assertThat(Http.location(http().login(user, "fel-fel-fel-fel"))).endsWith("/login?error=bad");
		assertThat(Http.location(http().login(user, USER_PASSWORD))).endsWith("/login?error=disabled");
	}

	@Test
	void shouldRefuseAControlCharacterInTheFormWith400AndTheLoginPage() {
		String user = createUser("nul", List.of("CASEWORKER"), List.of("MIKA"));
		var browser = http();

		var nulName = browser.login(user + "\u0000", USER_PASSWORD);
		var bellPassword = browser.login(user, USER_PASSWORD + "\u0007");

		assertThat(nulName.statusCode()).isEqualTo(400);
		assertThat(nulName.body()).contains("Användarnamnet innehåller ett otillåtet tecken")
			.contains("id=\"username\"")
			.contains("aria-invalid=\"true\"")
			.contains("name=\"_csrf\"")
			.doesNotContain("Exception")
			.doesNotContain("\u0000");
		assertThat(bellPassword.statusCode()).isEqualTo(400);
		assertThat(bellPassword.body()).contains("Lösenordet innehåller ett otillåtet tecken");
		assertThat(browser.get("/").statusCode()).as("not logged in").isEqualTo(302);
		assertThat(jdbc
			.sql("SELECT details FROM audit.audit_log WHERE kind = 'LOGIN_FAILED' AND actor IN (?, ?) ORDER BY id")
			.params(user + "\uFFFD", user)
			.query(String.class)
			.list()).containsExactly("channel=form; control character in username",
					"channel=form; control character in password");
		// and the page is still there to log in from (back to the page asked for before)
		assertThat(Http.location(browser.login(user, USER_PASSWORD))).endsWith("/?continue");
	}

	@Test
	void shouldRefuseAControlCharacterInTheTokenRequestWith400NamingTheField() {
		var name = tokenRequest("ad\\u0000min", ADMIN_PASSWORD);
		var password = tokenRequest(ADMIN, ADMIN_PASSWORD + "\\u001b");

		assertThat(name.statusCode()).isEqualTo(400);
		assertThat(name.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(name.body()).contains("\"field\":\"username\"")
			.contains("Användarnamnet innehåller ett otillåtet tecken")
			.doesNotContain("\"token\"");
		assertThat(password.statusCode()).isEqualTo(400);
		assertThat(password.body()).contains("\"field\":\"password\"").doesNotContain("\"token\"");
		assertThat(jdbc
			.sql("SELECT count(*) FROM audit.audit_log WHERE kind = 'LOGIN_FAILED' AND actor = ? "
					+ "AND details = 'channel=api; control character in username'")
			.param("ad\uFFFDmin")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void shouldAnswerAHugeUserNameOrPasswordAsAWrongOne() {
		var longName = tokenRequest("x".repeat(5000), "fel-fel-fel-fel");
		var longPassword = tokenRequest(ADMIN, "p".repeat(5000));

		assertThat(longName.statusCode()).isEqualTo(401);
		assertThat(longPassword.statusCode()).isEqualTo(401);
		assertThat(longName.body()).contains(SAME_ANSWER);
	}

	private HttpResponse<String> tokenRequest(String username, String password) {
		// the JSON escapes (\u0000) are sent as they are: the server's JSON reader makes
		// them characters
		String json = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
		return http().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tokens"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

}
