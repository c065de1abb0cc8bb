package se.skyddsnat.identity;

import java.time.Clock;
import java.time.Instant;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Limits failed logins in a window, in two parts, so that one shared address (a
 * municipality's NAT) is not locked out as a whole by one person's mistakes:
 * <ul>
 * <li>per client address, the number of <em>different</em> user names that failed
 * ({@code throttleMaxFailures}): one machine trying many names (password spraying) is
 * stopped, while many failures for one name are not the address's problem;</li>
 * <li>per user name, from any address ({@code throttleMaxFailuresPerUser}): many tries at
 * one name are stopped for that name only (for a name that exists the lockout comes
 * first; the same limit holds for names that do not exist, so the answer tells nothing
 * about which do).</li>
 * </ul>
 * The failures are in the database ({@code identity.login_failures}), so the limits hold
 * across every node behind a load balancer; each new failure deletes those older than the
 * window. Each failure is its own statement, outside any transaction of the login, so a
 * refused login's failure is kept.
 */
@Component
@RequiredArgsConstructor
class LoginThrottle {

	/** Why a login is refused before the password is looked at. */
	enum Block {

		ADDRESS, USER_NAME

	}

	private static final int MAX_CLIENT = 100;

	private static final int MAX_USERNAME = 64;

	private final JdbcClient jdbc;

	private final SecurityProperties properties;

	private final Clock clock;

	/** Null when the attempt may go on; else what blocks it. */
	Block blocked(String client, String username) {
		Instant horizon = horizon();
		long names = jdbc
			.sql("""
					SELECT count(DISTINCT username) FROM identity.login_failures WHERE client = :client AND failed_at >= :horizon""")
			.param("client", key(client))
			.param("horizon", java.sql.Timestamp.from(horizon))
			.query(Long.class)
			.single();
		if (names >= properties.throttleMaxFailures()) {
			return Block.ADDRESS;
		}
		long failures = jdbc.sql("""
				SELECT count(*) FROM identity.login_failures WHERE username = :username AND failed_at >= :horizon""")
			.param("username", name(username))
			.param("horizon", java.sql.Timestamp.from(horizon))
			.query(Long.class)
			.single();
		return failures >= properties.throttleMaxFailuresPerUser() ? Block.USER_NAME : null;
	}

	void recordFailure(String client, String username) {
		jdbc.sql("DELETE FROM identity.login_failures WHERE failed_at < :horizon")
			.param("horizon", java.sql.Timestamp.from(horizon()))
			.update();
		jdbc.sql("INSERT INTO identity.login_failures (failed_at, client, username) VALUES (:at, :client, :username)")
			.param("at", java.sql.Timestamp.from(clock.instant()))
			.param("client", key(client))
			.param("username", name(username))
			.update();
	}

	private Instant horizon() {
		return clock.instant().minus(properties.throttleWindow());
	}

	private static String key(String client) {
		String c = client == null || client.isEmpty() ? "unknown" : client;
		return c.length() > MAX_CLIENT ? c.substring(0, MAX_CLIENT) : c;
	}

	private static String name(String username) {
		String u = username == null ? "" : username;
		return u.length() > MAX_USERNAME ? u.substring(0, MAX_USERNAME) : u;
	}

}
