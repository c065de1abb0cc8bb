package se.skyddsnat.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.skyddsnat.SkyddsnatApplication;

/**
 * A data directory that an earlier Skyddsnät made (the superuser only, every local
 * connection trusted, every table owned by the superuser) is what a newcomer kept; the
 * next start upgrades it in place.
 */
class EmbeddedDatabaseUpgradeTest {

	private static final String MODULE_SCHEMAS = "('identity', 'audit', 'region', 'outreach', 'casework')";

	@Test
	void shouldUpgradeTheDataDirectoryOfAnEarlierSkyddsnatInPlace(@TempDir Path dataDir) throws IOException {
		// the earlier version: the library's defaults, migrated (without the grants) as
		// the superuser
		try (var earlier = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir.resolve("postgres"))
			.setCleanDataDirectory(false)
			.setLocaleConfig("locale", "C.UTF-8")
			.setLocaleConfig("encoding", "UTF8")
			.start()) {
			Flyway.configure()
				.dataSource(earlier.getPostgresDatabase())
				.locations("classpath:db/migration")
				.skipDefaultCallbacks(true)
				.load()
				.migrate();
			JdbcClient.create(earlier.getPostgresDatabase())
				.sql("INSERT INTO identity.units (code, name) VALUES ('GAMMAL', 'Från förr')")
				.update();
		}
		assertThat(rules(dataDir)).anySatisfy(rule -> assertThat(rule).endsWith("trust"));

		try (var app = start(dataDir)) {
			var jdbc = app.getBean(JdbcClient.class);

			assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("skyddsnat_app");
			assertThat(jdbc.sql("SELECT name FROM identity.units WHERE code = 'GAMMAL'").query(String.class).single())
				.isEqualTo("Från förr");
			assertThat(jdbc
				.sql("SELECT DISTINCT nspowner::regrole::text FROM pg_namespace WHERE nspname IN " + MODULE_SCHEMAS)
				.query(String.class)
				.list()).containsExactly("skyddsnat_owner");
			assertThat(jdbc
				.sql("SELECT DISTINCT c.relowner::regrole::text FROM pg_class c JOIN pg_namespace n "
						+ "ON n.oid = c.relnamespace WHERE n.nspname IN " + MODULE_SCHEMAS
						+ " OR c.relname = 'flyway_schema_history'")
				.query(String.class)
				.list()).containsExactly("skyddsnat_owner");
			assertThat(jdbc
				.sql("SELECT DISTINCT p.proowner::regrole::text FROM pg_proc p JOIN pg_namespace n "
						+ "ON n.oid = p.pronamespace WHERE n.nspname IN " + MODULE_SCHEMAS)
				.query(String.class)
				.list()).containsExactly("skyddsnat_owner");
			assertThat(
					jdbc.sql("SELECT has_table_privilege('audit.audit_log', 'UPDATE')").query(Boolean.class).single())
				.isFalse();
			assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit.audit_log").update()).rootCause()
				.hasMessageContaining("permission denied");
			// the start itself wrote to the upgraded database: the administrator, with
			// its audit row
			assertThat(jdbc.sql("SELECT count(*) FROM identity.users").query(Long.class).single()).isEqualTo(1);
		}
		assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).startsWith(ClusterSecurity.HBA_MARKER);
		assertThat(rules(dataDir)).isNotEmpty().allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256"));

		// and it starts again as it is now
		try (var again = start(dataDir)) {
			assertThat(again.getBean(JdbcClient.class)
				.sql("SELECT count(*) FROM identity.units WHERE code = 'GAMMAL'")
				.query(Long.class)
				.single()).isEqualTo(1);
		}
	}

	/** The lines of pg_hba.conf that are rules (not comments). */
	private static java.util.List<String> rules(Path dataDir) throws IOException {
		return Files.readAllLines(dataDir.resolve("postgres/pg_hba.conf"))
			.stream()
			.filter(line -> !line.isBlank() && !line.startsWith("#"))
			.toList();
	}

	private static org.springframework.context.ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(SkyddsnatApplication.class).run("--skyddsnat.data-dir=" + dataDir,
				"--server.port=0", "--spring.main.banner-mode=off",
				"--skyddsnat.admin.password=Fjällbäcken-rinner-2026");
	}

}
