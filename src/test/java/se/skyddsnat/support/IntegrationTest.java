package se.skyddsnat.support;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The real application on a random port, against its own embedded PostgreSQL 17, with the
 * administrator from application-test.properties. Tests talk to it over real HTTP.
 * All subclasses share one application context (and database): give test data unique names.
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

    @Autowired
    protected JdbcClient jdbc;

    /**
     * A connection with the rights of the schemas' owner, for statements that play someone who bypasses the
     * application (tampering with the audit log). For now the application's own DataSource; it is meant to connect
     * as the owner/superuser once the application runs as a role with fewer rights.
     */
    protected JdbcClient ownerJdbc() {
        return jdbc;
    }

    protected Http http() {
        return new Http(port);
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

    /** Creates a user through the admin API (password usable at once); returns the user name. */
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
