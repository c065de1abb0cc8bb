package se.skyddsnat.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import se.skyddsnat.SkyddsnatApplication;
import se.skyddsnat.audit.AuditReview;
import se.skyddsnat.audit.AuditReview.CheckpointState;
import se.skyddsnat.support.Http;

/**
 * A backup taken while Skyddsnät runs, restored into an empty data directory and started
 * as a new instance: the same people and users, a caseworker who logs in with her
 * password, an audit chain that verifies against the restored checkpoints, and nothing
 * written after the backup.
 */
class BackupRestoreTest {

	private static final String ADMIN_PASSWORD = "Fjällbäcken-rinner-2026";

	private static final String USER_PASSWORD = "Blåbärsskog-vid-sjön-7";

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	@Test
	void shouldRestoreAnOnlineBackupIntoAFreshInstanceWithTheSameRecordsChainAndLogins(@TempDir Path tmp) {
		Path original = tmp.resolve("original");
		Path backup = tmp.resolve("backup");
		Path restored = tmp.resolve("restored");
		String alias;
		long personId;
		long laterId;
		try (var first = start(original)) {
			Http http = http(first);
			String admin = token(http, "admin", ADMIN_PASSWORD);
			created(http.json("POST", "/api/v1/users", """
					{"username":"kristina","displayName":"Kristina Test","password":"%s","roles":["CASEWORKER"],
					"units":["MIKA"]}""".formatted(USER_PASSWORD), admin));
			String caseworker = token(http, "kristina", USER_PASSWORD);
			alias = "Backup-" + System.nanoTime();
			personId = id(created(http.json("POST", "/api/v1/people", """
					{"alias":"%s","birthYear":"1990","gender":"female","unit":"MIKA"}""".formatted(alias),
					caseworker)));
			assertThat(first.getBean(AuditReview.class).verifyChain().intact()).isTrue();

			DataBackup.backup(original, backup);

			laterId = id(created(http.json("POST", "/api/v1/people", """
					{"alias":"After-backup","birthYear":"1991","gender":"female","unit":"MIKA"}""", caseworker)));
		}
		// while no Skyddsnät runs, the backup is a copy under the data directory's lock
		Path offline = tmp.resolve("offline");
		DataBackup.backup(original, offline);
		assertThat(offline.resolve(DataBackup.MANIFEST)).content().contains("offline copy");
		assertThat(offline.resolve("postgres/PG_VERSION")).exists();
		assertThat(offline.resolve("postgres/postmaster.pid")).doesNotExist();

		assertThat(backup.resolve(DataBackup.MANIFEST)).content().contains("online base backup");
		assertThat(backup.resolve("postgres/backup_label")).exists();
		assertThat(backup.resolve("audit/audit.key")).exists();
		assertThatThrownBy(() -> DataBackup.restore(backup, original)).hasMessageContaining("not empty");

		DataBackup.restore(backup, restored);
		try (var second = start(restored)) {
			Http http = http(second);
			String caseworker = token(http, "kristina", USER_PASSWORD);
			var person = http.json("GET", "/api/v1/people/" + personId, null, caseworker);
			assertThat(person.statusCode()).isEqualTo(200);
			assertThat(person.body()).contains(alias);
			assertThat(http.json("GET", "/api/v1/people/" + laterId, null, caseworker).statusCode()).isEqualTo(404);

			var chain = second.getBean(AuditReview.class).verifyChain();
			assertThat(chain.intact()).as("%s", chain).isTrue();
			assertThat(chain.checkpointState()).isNotEqualTo(CheckpointState.DISAGREES);
			assertThat(chain.sealed()).isGreaterThan(0);
			assertThat(http.login("admin", ADMIN_PASSWORD).statusCode()).isEqualTo(302);
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(SkyddsnatApplication.class).run("--skyddsnat.data-dir=" + dataDir,
				"--server.port=0", "--spring.main.banner-mode=off", "--skyddsnat.admin.username=admin",
				"--skyddsnat.admin.password=" + ADMIN_PASSWORD, "--skyddsnat.identity.second-factor=off");
	}

	private static Http http(ConfigurableApplicationContext app) {
		return new Http(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
	}

	private static String token(Http http, String user, String password) {
		var response = http.json("POST", "/api/v1/tokens",
				"{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", null);
		Matcher m = TOKEN.matcher(response.body());
		assertThat(m.find()).as("token for %s: %s", user, response.body()).isTrue();
		return m.group(1);
	}

	private static String created(java.net.http.HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return response.body();
	}

	private static long id(String body) {
		Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(body);
		assertThat(m.find()).isTrue();
		return Long.parseLong(m.group(1));
	}

}
