package se.skyddsnat.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/** Its own application context: a low limit here would lock other tests' logins out. */
@TestPropertySource(properties = "skyddsnat.security.throttle-max-failures=3")
class LoginThrottleTest extends IntegrationTest {

	@Test
	void shouldStopLoginsFromAnAddressAfterTooManyFailures() {
		String user = createUser("throttled", List.of("CASEWORKER"), List.of("MIKA"));
		for (int i = 0; i < 3; i++) {
			assertThat(Http.location(http().login("ingen-" + i, "fel-fel-fel-fel"))).endsWith("/login?error=bad");
		}

		var form = http().login(user, USER_PASSWORD);
		var api = http().json("POST", "/api/v1/tokens",
				"{\"username\":\"" + user + "\",\"password\":\"" + USER_PASSWORD + "\"}", null);

		assertThat(Http.location(form)).endsWith("/login?error=throttled");
		assertThat(http().get("/login?error=throttled").body()).contains("För många misslyckade inloggningar");
		assertThat(api.statusCode()).isEqualTo(429);
		assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(jdbc
			.sql("SELECT count(*) FROM audit.audit_log WHERE kind = 'LOGIN_REFUSED' AND details LIKE '%throttled'")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

}
