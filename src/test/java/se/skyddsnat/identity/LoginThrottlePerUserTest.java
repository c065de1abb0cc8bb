package se.skyddsnat.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/**
 * A shared address (a municipality's NAT; here every request comes from 127.0.0.1) is not
 * locked out by one person's failures: the address limit counts different user names, and
 * failures for one name are limited for that name. Its own application context, because
 * the address limit here is low.
 */
@TestPropertySource(properties = { "skyddsnat.security.throttle-max-failures=3",
		"skyddsnat.security.throttle-max-failures-per-user=10" })
class LoginThrottlePerUserTest extends IntegrationTest {

	@Test
	void shouldStopOneUserNameWithoutLockingOutTheOthersBehindTheSameAddress() {
		String clumsy = createUser("clumsy", List.of("CASEWORKER"), List.of("MIKA"));
		String colleague = createUser("colleague", List.of("CASEWORKER"), List.of("MIKA"));
		String last = createUser("last", List.of("CASEWORKER"), List.of("MIKA"));

		// twenty failures for one name from the shared address
		for (int i = 1; i <= 20; i++) {
			var answer = http().login(clumsy, "fel-lösenord-nummer-" + i);
			assertThat(Http.location(answer)).as("try " + i)
				.endsWith(i <= 10 ? "/login?error=bad" : "/login?error=throttledUser");
		}
		assertThat(http().get("/login?error=throttledUser").body())
			.contains("För många misslyckade inloggningar med det här användarnamnet");
		var api = http().json("POST", "/api/v1/tokens",
				"{\"username\":\"" + clumsy + "\",\"password\":\"" + USER_PASSWORD + "\"}", null);
		assertThat(api.statusCode()).isEqualTo(429);
		assertThat(api.body()).contains("det här användarnamnet");

		// everyone else behind the address logs in; the clumsy account is locked (after
		// six) as before
		assertThat(Http.location(http().login(colleague, USER_PASSWORD))).endsWith("/");
		assertThat(jdbc.sql("SELECT locked_until IS NOT NULL FROM identity.users WHERE username = ?")
			.param(clumsy)
			.query(Boolean.class)
			.single()).isTrue();

		// a name that does not exist is limited in the same way: the answers tell nothing
		// about which names exist
		for (int i = 1; i <= 11; i++) {
			var answer = http().login("finns-inte-" + clumsy, "fel-fel-fel-fel");
			assertThat(Http.location(answer)).as("try " + i)
				.endsWith(i <= 10 ? "/login?error=bad" : "/login?error=throttledUser");
		}
		assertThat(Http.location(http().login(colleague, USER_PASSWORD))).endsWith("/");

		// one machine trying many different names is stopped, for every name
		assertThat(Http.location(http().login("tredje-" + clumsy, "fel-fel-fel-fel"))).endsWith("/login?error=bad");
		assertThat(Http.location(http().login(last, USER_PASSWORD))).endsWith("/login?error=throttled");
		assertThat(
				jdbc.sql("SELECT count(*) FROM audit.audit_log WHERE actor = ? AND details LIKE '%throttled user name'")
					.param(clumsy)
					.query(Long.class)
					.single())
			.isEqualTo(11);
	}

}
