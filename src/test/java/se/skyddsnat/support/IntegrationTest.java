package se.skyddsnat.support;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The real application on a random port, against its own embedded PostgreSQL 17, with the
 * administrator from application-test.properties. Tests talk to it over real HTTP. All
 * subclasses share one application context (and database): give test data unique names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {

	public static final String ADMIN = "admin";

	public static final String ADMIN_PASSWORD = "Skogsstig-Lykta-2026";

	public static final String USER_PASSWORD = "Blåbärsskog-vid-sjön-7";

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	@LocalServerPort
	protected int port;

	/**
	 * The application's own connections: the database role the running application has
	 * (not the owner).
	 */
	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	private Flyway flyway;

	/**
	 * Connections as the owner of the schemas (the role Flyway migrates as), for a test
	 * that must do what the application may not: tamper with the audit log, disable a
	 * trigger, set up a state the application never writes.
	 */
	protected JdbcClient ownerJdbc() {
		return JdbcClient.create(flyway.getConfiguration().getDataSource());
	}

	protected Http http() {
		return new Http(port);
	}

	/** The audit log's rows, narrowed by the calls that follow. */
	protected AuditRows audit() {
		return new AuditRows(jdbc);
	}

	/** People and cases made through the API as the token's user. */
	protected Casework casework(String token) {
		return new Casework(http(), token);
	}

	/** A bearer token from POST /api/v1/tokens. */
	protected String token(String username, String password) {
		var response = http().json("POST", "/api/v1/tokens",
				"{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", null);
		Matcher m = TOKEN.matcher(response.body());
		if (response.statusCode() != 200 || !m.find()) {
			throw new AssertionError("No token for " + username + ": " + response.statusCode() + " " + response.body());
		}
		return m.group(1);
	}

	/**
	 * Creates a user through the admin API (password usable at once); returns the user
	 * name.
	 */
	protected String createUser(String prefix, List<String> roles, List<String> units) {
		String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		String json = "{\"username\":\"" + username + "\",\"displayName\":\"Test " + prefix + "\",\"password\":\""
				+ USER_PASSWORD + "\",\"roles\":" + jsonList(roles) + ",\"units\":" + jsonList(units) + "}";
		var response = http().json("POST", "/api/v1/users", json, token(ADMIN, ADMIN_PASSWORD));
		if (response.statusCode() != 201) {
			throw new AssertionError("User not created: " + response.statusCode() + " " + response.body());
		}
		return username;
	}

	private static String jsonList(List<String> values) {
		return values.stream().map(v -> "\"" + v + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
	}

}
