package se.skyddsnat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.skyddsnat.database.EmbeddedDatabase;

/**
 * Starts the real application the way an operator does — no test profile — and restarts
 * it on the same data directory, to see what a newcomer sees on the first and the second
 * start.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupTest {

	private static final Pattern ONE_TIME = Pattern
		.compile("one-time password\\s+([A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3})");

	@Test
	void shouldCreateTheAdministratorOnceWithAOneTimePasswordAndKeepDataAcrossRestarts(@TempDir Path dataDir,
			CapturedOutput output) {
		String password;
		try (var first = start("--skyddsnat.data-dir=" + dataDir)) {
			var m = ONE_TIME.matcher(output.getOut());
			assertThat(m.find()).as("one-time password printed in the log").isTrue();
			password = m.group(1);
			var jdbc = first.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT username || ':' || must_change_password FROM identity.users")
				.query(String.class)
				.list()).containsExactly("admin:true");
			assertThat(first.getBean(org.springframework.security.crypto.password.PasswordEncoder.class)
				.matches(password, jdbc.sql("SELECT password_hash FROM identity.users").query(String.class).single()))
				.isTrue();
			jdbc.sql("INSERT INTO identity.units (code, name) VALUES ('KVAR', 'Finns kvar')").update();
		}
		assertThat(Files.exists(dataDir.resolve("postgres/PG_VERSION"))).isTrue();
		assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid"))).as("database shut down cleanly").isFalse();
		int printedBefore = count(output.getOut(), "one-time password");

		try (var second = start("--skyddsnat.data-dir=" + dataDir)) {
			var jdbc = second.getBean(JdbcClient.class);
			assertThat(count(output.getOut(), "one-time password")).isEqualTo(printedBefore);
			assertThat(jdbc.sql("SELECT count(*) FROM identity.users").query(Long.class).single()).isEqualTo(1);
			assertThat(jdbc.sql("SELECT name FROM identity.units WHERE code = 'KVAR'").query(String.class).single())
				.isEqualTo("Finns kvar");
			assertThat(jdbc.sql("SELECT count(*) FROM region.municipalities").query(Long.class).single()).isEqualTo(27);
		}
		assertThat(output.getOut()).doesNotContain(password + "\n" + password);
	}

	@Test
	void shouldTakeTheAdministratorFromTheEnvironmentWhenGiven(@TempDir Path dataDir) {
		try (var app = start("--skyddsnat.data-dir=" + dataDir, "--skyddsnat.admin.username=Chefen",
				"--skyddsnat.admin.password=Fjällbäcken-rinner-2026")) {
			var jdbc = app.getBean(JdbcClient.class);
			assertThat(jdbc.sql("SELECT username || ':' || must_change_password FROM identity.users")
				.query(String.class)
				.list()).containsExactly("chefen:false");
		}
	}

	@Test
	void shouldUseAnExternalPostgresqlWithTheTwoRolesWhenTheDatasourceIsConfigured(@TempDir Path dataDir)
			throws IOException {
		// An "external" server: a separate PostgreSQL that the application does not own.
		try (var external = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir.resolve("external"))
			.setCleanDataDirectory(true)
			.start()) {
			// what the README's "Running against an external PostgreSQL" has the operator
			// run as a superuser
			var superuser = JdbcClient.create(external.getPostgresDatabase());
			for (String sql : List.of("CREATE ROLE skyddsnat_owner LOGIN PASSWORD 'owner-pass-phrase'",
					"CREATE ROLE skyddsnat_app LOGIN PASSWORD 'app-pass-phrase'",
					"CREATE DATABASE skyddsnat OWNER skyddsnat_owner", "REVOKE ALL ON DATABASE skyddsnat FROM PUBLIC",
					"GRANT CONNECT ON DATABASE skyddsnat TO skyddsnat_app")) {
				superuser.sql(sql).update();
			}
			try (var app = start("--skyddsnat.data-dir=" + dataDir.resolve("unused"),
					"--spring.datasource.url=jdbc:postgresql://localhost:" + external.getPort() + "/skyddsnat",
					"--spring.datasource.username=skyddsnat_app", "--spring.datasource.password=app-pass-phrase",
					"--spring.flyway.user=skyddsnat_owner", "--spring.flyway.password=owner-pass-phrase",
					"--skyddsnat.admin.password=Fjällbäcken-rinner-2026")) {
				assertThat(app.getBeanNamesForType(EmbeddedDatabase.class)).isEmpty();
				var appJdbc = app.getBean(JdbcClient.class);
				assertThat(appJdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("skyddsnat_app");
				assertThat(appJdbc
					.sql("SELECT has_table_privilege('audit.audit_log', 'INSERT')"
							+ " AND NOT has_table_privilege('audit.audit_log', 'UPDATE')")
					.query(Boolean.class)
					.single()).isTrue();
			}
			var jdbc = JdbcClient.create(external.getDatabase("postgres", "skyddsnat"));
			assertThat(jdbc.sql("SELECT count(*) FROM identity.users").query(Long.class).single()).isEqualTo(1);
			assertThat(jdbc.sql("SELECT count(*) FROM identity.units").query(Long.class).single()).isEqualTo(7);
			assertThat(jdbc.sql("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'audit'")
				.query(String.class)
				.list()).containsExactly("skyddsnat_owner");
			assertThat(Files.exists(dataDir.resolve("unused/postgres"))).isFalse();
		}
	}

	private static ConfigurableApplicationContext start(String... args) {
		String[] all = new String[args.length + 2];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--server.port=0";
		all[args.length + 1] = "--spring.main.banner-mode=off";
		boolean adminGiven = java.util.Arrays.stream(args).anyMatch(a -> a.startsWith("--skyddsnat.admin.password"));
		return new SpringApplicationBuilder(SkyddsnatApplication.class)
			.properties(adminGiven ? new String[0] : new String[] { "skyddsnat.admin.password=" })
			.run(all);
	}

	private static int count(String text, String needle) {
		return text.split(Pattern.quote(needle), -1).length - 1;
	}

}
