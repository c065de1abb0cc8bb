package se.skyddsnat.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.BrowserTest;
import se.skyddsnat.support.MutableClock;

/**
 * With the second factor required (the product's default): users who read personal data,
 * and every ADMIN, give the code of an authenticator app after the password, enrol the
 * app at their first login, get recovery codes once; a wrong code counts against the
 * lockout; an administrator can reset the factor. The codes are computed as an app does
 * (RFC 6238, {@link TotpTest}) from the key the enrolment page shows. A standing clock,
 * moved 30 seconds before each code, because a code is accepted once.
 */
@TestPropertySource(properties = "skyddsnat.identity.second-factor=required")
@Import(SecondFactorTest.StandingClock.class)
class SecondFactorTest extends BrowserTest {

	@TestConfiguration(proxyBeanMethods = false)
	static class StandingClock {

		@Bean
		@Primary
		MutableClock standingClock() {
			return MutableClock.startingNow();
		}

	}

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");

	private static final Pattern RECOVERY = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>");

	/**
	 * The keys the enrolment pages showed, by user name (the app on each user's phone).
	 */
	private static final Map<String, byte[]> PHONES = new ConcurrentHashMap<>();

	@Autowired
	MutableClock clock;

	@Test
	void shouldLetACaseworkerReachAPersonOnlyAfterTheSecondFactor() {
		String worker = createUser("tvafaktor", List.of("CASEWORKER"), List.of("MIKA"));
		enrol(worker);
		long person = casework(token(worker, USER_PASSWORD)).person("MIKA");

		// the right password alone: every page, the person's too, leads to the code page
		Http browser = http();
		assertThat(Http.location(browser.login(worker, USER_PASSWORD))).endsWith("/");
		assertThat(Http.location(browser.get("/"))).endsWith("/login/second-factor");
		var personPage = browser.get("/people/" + person);
		assertThat(personPage.statusCode()).isEqualTo(302);
		assertThat(Http.location(personPage)).endsWith("/login/second-factor");
		assertThat(Http.location(browser.get("/admin/users"))).endsWith("/login/second-factor");
		assertThat(browser.get("/login/second-factor").body()).contains("Ange koden från din app")
			.doesNotContain("totp-secret");

		// the API without the code, or with a wrong one, gives no token
		var noCode = tokenAnswer(worker, null);
		assertThat(noCode.statusCode()).isEqualTo(401);
		assertThat(noCode.body()).contains("andra inloggningssteg");
		assertThat(tokenAnswer(worker, "000000").statusCode()).isEqualTo(401);
		assertThat(http().json("GET", "/api/v1/people/" + person, null, null).statusCode()).isEqualTo(401);

		// with the code, the person's page
		browser.get("/login/second-factor");
		var answer = browser.post("/login/second-factor", Map.of("code", nextCode(worker)));
		assertThat(Http.location(answer)).endsWith("/");
		var page = browser.get("/people/" + person);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Alias-");
		assertThat(http().json("GET", "/api/v1/people/" + person, null, token(worker, USER_PASSWORD)).statusCode())
			.isEqualTo(200);
		assertThat(audit().by(worker).kind("LOGIN").count()).isPositive();
	}

	@Test
	void shouldEnrolAtTheFirstLoginShowTheRecoveryCodesOnceAndKeepTheSecretEncrypted() {
		String worker = createUser("nyapp", List.of("MANAGER"), List.of("KAST"));
		Http browser = http();
		browser.login(worker, USER_PASSWORD);
		String enrolPage = browser.get("/login/second-factor").body();
		assertThat(enrolPage).contains("Koppla en autentiseringsapp")
			.contains("otpauth://totp/Skyddsn%C3%A4t:" + worker);
		byte[] secret = Totp.fromBase32(find(SECRET, enrolPage));

		// a wrong first code is refused and counted
		var wrong = browser.post("/login/second-factor",
				Map.of("code", "123456".equals(code(secret)) ? "654321" : "123456"));
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("Koden stämmer inte").contains("totp-secret");
		assertThat(failedAttempts(worker)).isEqualTo(1);

		clock.advance(Duration.ofSeconds(30));
		var done = browser.post("/login/second-factor", Map.of("code", code(secret)));
		assertThat(done.statusCode()).isEqualTo(200);
		List<String> codes = all(RECOVERY, done.body());
		assertThat(codes).hasSize(10).doesNotHaveDuplicates();
		assertThat(Http.location(browser.get("/login/second-factor"))).endsWith("/");
		assertThat(browser.get("/").statusCode()).isEqualTo(200);

		// stored: the secret encrypted, the recovery codes hashed; never shown again
		byte[] stored = jdbc
			.sql("SELECT totp_secret FROM identity.second_factors f JOIN identity.users u ON u.id = f.user_id"
					+ " WHERE u.username = ?")
			.param(worker)
			.query(byte[].class)
			.single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain(new String(secret, java.nio.charset.StandardCharsets.ISO_8859_1));
		assertThat(jdbc
			.sql("SELECT count(*) FROM identity.recovery_codes c JOIN identity.users u ON u.id = c.user_id"
					+ " WHERE u.username = ? AND c.code_hash = ?")
			.params(worker, codes.getFirst())
			.query(Long.class)
			.single()).isZero();
		Http again = http();
		again.login(worker, USER_PASSWORD);
		assertThat(again.get("/login/second-factor").body()).doesNotContain("totp-secret")
			.doesNotContain(Totp.base32(secret));
		assertThat(audit().kind("SECOND_FACTOR_CHANGED").count()).isPositive();
	}

	@Test
	void shouldEnrolInTheBrowserAsAPersonWould() {
		String worker = createUser("webbapp", List.of("CASEWORKER"), List.of("STODCENTRUM"));
		Page page = newPage();
		logIn(page, worker, USER_PASSWORD);
		page.waitForURL(Pattern.compile(".*/login/second-factor$"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Koppla en autentiseringsapp")))
			.isVisible();
		axe(page);
		byte[] secret = Totp.fromBase32(page.locator("#totp-secret").textContent());
		clock.advance(Duration.ofSeconds(30));
		page.getByLabel("Koden som appen visar").fill(code(secret));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Fortsätt")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dina reservkoder")))
			.isVisible();
		assertThat(page.locator("#recovery-codes li")).hasCount(10);
		axe(page);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Fortsätt till startsidan")).click();
		assertThat(page.locator("#units-heading + ul")).containsText("Stödcentrum");

		// the next login asks for the code; a wrong one says so
		Page next = newPage();
		logIn(next, worker, USER_PASSWORD);
		next.getByLabel("Kod", new Page.GetByLabelOptions().setExact(true)).fill("12345x");
		next.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Fortsätt")).click();
		assertThat(next.getByRole(AriaRole.ALERT)).containsText("Koden stämmer inte");
		axe(next);
		clock.advance(Duration.ofSeconds(30));
		next.getByLabel("Kod", new Page.GetByLabelOptions().setExact(true)).fill(code(secret));
		next.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Fortsätt")).click();
		assertThat(next.locator("#units-heading")).isVisible();
	}

	@Test
	void shouldRefuseAndCountWrongCodesUntilTheAccountIsLocked() {
		String worker = createUser("felkod", List.of("COORDINATOR"), List.of("RK_VUXNA"));
		enrol(worker);
		Http browser = http();
		browser.login(worker, USER_PASSWORD);
		browser.get("/login/second-factor");
		String wrongCode = "000000".equals(nextCode(worker)) ? "111111" : "000000";
		for (int i = 1; i <= 5; i++) {
			var answer = browser.post("/login/second-factor", Map.of("code", wrongCode));
			assertThat(answer.statusCode()).as("try " + i).isEqualTo(200);
			assertThat(answer.body()).contains("Koden stämmer inte");
			assertThat(failedAttempts(worker)).isEqualTo(i);
		}
		// the sixth wrong code locks the account (maxFailedLogins) and ends the session
		var sixth = browser.post("/login/second-factor", Map.of("code", wrongCode));
		assertThat(Http.location(sixth)).endsWith("/login?error=bad");
		assertThat(jdbc.sql("SELECT locked_until IS NOT NULL FROM identity.users WHERE username = ?")
			.param(worker)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(audit().by(worker).kind("LOGIN_FAILED").count()).isEqualTo(6);
		assertThat(audit().by(worker).kind("ACCOUNT_LOCKED").count()).isEqualTo(1);
		// locked: even the right password and a right code do not let in
		assertThat(Http.location(http().login(worker, USER_PASSWORD))).endsWith("/login?error=bad");
		assertThat(tokenAnswer(worker, nextCode(worker)).statusCode()).isEqualTo(401);
	}

	@Test
	void shouldAcceptARecoveryCodeOnce() {
		String worker = createUser("reserv", List.of("CASEWORKER"), List.of("UNGDOMSJOUREN"));
		List<String> codes = enrol(worker);
		Http first = http();
		first.login(worker, USER_PASSWORD);
		first.get("/login/second-factor");
		assertThat(Http.location(first.post("/login/second-factor", Map.of("code", codes.get(3).toUpperCase()))))
			.endsWith("/");
		assertThat(first.get("/").statusCode()).isEqualTo(200);
		assertThat(audit().subject("user", userId(worker)).kind("SECOND_FACTOR_CHANGED").count()).isEqualTo(2);

		Http second = http();
		second.login(worker, USER_PASSWORD);
		second.get("/login/second-factor");
		var reused = second.post("/login/second-factor", Map.of("code", codes.get(3)));
		assertThat(reused.statusCode()).isEqualTo(200);
		assertThat(reused.body()).contains("Koden stämmer inte");
		assertThat(Http.location(second.get("/"))).endsWith("/login/second-factor");
		assertThat(Http.location(second.post("/login/second-factor", Map.of("code", codes.get(4))))).endsWith("/");
	}

	@Test
	void shouldLetAnAdministratorResetTheFactorAudited() {
		String worker = createUser("tappad", List.of("CASEWORKER"), List.of("MIKA"));
		enrol(worker);
		long id = userId(worker);
		Http admin = enrolledSession(ADMIN, ADMIN_PASSWORD);
		String userPage = admin.get("/admin/users/" + id).body();
		assertThat(userPage).contains("Autentiseringsapp kopplad").contains("10 oanvända reservkoder");
		var reset = admin.post("/admin/users/" + id + "/reset-second-factor", Map.of());
		assertThat(Http.location(reset)).endsWith("/admin/users/" + id);
		assertThat(admin.get("/admin/users/" + id).body()).contains("Ingen autentiseringsapp kopplad");
		assertThat(audit().by(ADMIN).kind("SECOND_FACTOR_CHANGED").subject("user", id).count()).isEqualTo(1);

		// the old app's code no longer works; the user enrols a new one
		Http browser = http();
		browser.login(worker, USER_PASSWORD);
		assertThat(browser.get("/login/second-factor").body()).contains("totp-secret");
		assertThat(tokenAnswer(worker, nextCode(worker)).statusCode()).isEqualTo(401);
	}

	@Test
	void shouldNotAskForASecondFactorFromAnAccountWithoutPersonalData() {
		String analyst = createUser("analytiker", List.of("ANALYST"), List.of());
		String noUnit = createUser("utanenhet", List.of("CASEWORKER"), List.of());
		assertThat(Http.location(http().login(analyst, USER_PASSWORD))).endsWith("/");
		Http browser = http();
		browser.login(noUnit, USER_PASSWORD);
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
		assertThat(tokenAnswer(analyst, null).statusCode()).isEqualTo(200);
	}

	/**
	 * A token: with the code of the user's app when the user has one (an ADMIN enrols at
	 * the first call).
	 */
	@Override
	protected String token(String username, String password) {
		if (ADMIN.equals(username) && !PHONES.containsKey(ADMIN)) {
			enrolledSession(ADMIN, ADMIN_PASSWORD);
		}
		if (!PHONES.containsKey(username)) {
			return super.token(username, password);
		}
		var answer = http().json("POST", "/api/v1/tokens", "{\"username\":\"" + username + "\",\"password\":\""
				+ password + "\",\"code\":\"" + nextCode(username) + "\"}", null);
		Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
		assertThat(m.find()).as(answer.body()).isTrue();
		return m.group(1);
	}

	private HttpResponse<String> tokenAnswer(String username, String code) {
		return http().json("POST", "/api/v1/tokens", "{\"username\":\"" + username + "\",\"password\":\""
				+ USER_PASSWORD + "\"" + (code == null ? "" : ",\"code\":\"" + code + "\"") + "}", null);
	}

	/**
	 * Logs in, enrols an app if the user has none yet (else gives its code); the
	 * logged-in session.
	 */
	private Http enrolledSession(String username, String password) {
		Http browser = http();
		assertThat(Http.location(browser.login(username, password))).endsWith("/");
		if (PHONES.containsKey(username)) {
			browser.get("/login/second-factor");
			assertThat(Http.location(browser.post("/login/second-factor", Map.of("code", nextCode(username)))))
				.endsWith("/");
			return browser;
		}
		String page = browser.get("/login/second-factor").body();
		PHONES.put(username, Totp.fromBase32(find(SECRET, page)));
		var done = browser.post("/login/second-factor", Map.of("code", nextCode(username)));
		assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
		lastRecoveryCodes = all(RECOVERY, done.body());
		return browser;
	}

	private List<String> lastRecoveryCodes = List.of();

	private List<String> enrol(String username) {
		PHONES.remove(username);
		enrolledSession(username, USER_PASSWORD);
		return lastRecoveryCodes;
	}

	/** The code the user's app shows half a minute later (a code is accepted once). */
	private String nextCode(String username) {
		clock.advance(Duration.ofSeconds(30));
		return code(PHONES.get(username));
	}

	private String code(byte[] secret) {
		return Totp.code(secret, Totp.step(clock.instant()));
	}

	private int failedAttempts(String username) {
		return jdbc.sql("SELECT failed_attempts FROM identity.users WHERE username = ?")
			.param(username)
			.query(Integer.class)
			.single();
	}

	private long userId(String username) {
		return jdbc.sql("SELECT id FROM identity.users WHERE username = ?").param(username).query(Long.class).single();
	}

	private static String find(Pattern pattern, String text) {
		Matcher m = pattern.matcher(text);
		assertThat(m.find()).as("no " + pattern + " in the page").isTrue();
		return m.group(1);
	}

	private static List<String> all(Pattern pattern, String text) {
		var found = new ArrayList<String>();
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

}
