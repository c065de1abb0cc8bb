package se.skyddsnat.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;

import se.skyddsnat.support.IntegrationTest;

/**
 * The application's own database connections (the {@code jdbc} of every integration test)
 * use a role that cannot rewrite the audit log, cannot switch triggers off and is no
 * superuser; nobody gets in without a password.
 */
class DatabaseRolesTest extends IntegrationTest {

	@Autowired
	EmbeddedDatabase embedded;

	@Autowired
	Flyway flyway;

	@Autowired
	Environment environment;

	@Test
	void shouldRunTheApplicationAsARoleThatIsNoSuperuserAndOwnsNothing() {
		var role = jdbc
			.sql("SELECT rolname, rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls"
					+ " FROM pg_roles WHERE rolname = current_user")
			.query()
			.singleRow();

		assertThat(role).containsEntry("rolname", "skyddsnat_app")
			.containsEntry("rolsuper", false)
			.containsEntry("rolcreaterole", false)
			.containsEntry("rolcreatedb", false)
			.containsEntry("rolreplication", false)
			.containsEntry("rolbypassrls", false);
		assertThat(jdbc
			.sql("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname IN "
					+ "('identity', 'audit', 'region', 'outreach', 'casework') OR tablename = 'flyway_schema_history'")
			.query(String.class)
			.list()).containsExactly("skyddsnat_owner");
		assertThat(jdbc
			.sql("SELECT DISTINCT nspowner::regrole::text FROM pg_namespace WHERE nspname IN "
					+ "('identity', 'audit', 'region', 'outreach', 'casework')")
			.query(String.class)
			.list()).containsExactly("skyddsnat_owner");
	}

	@Test
	void shouldNotLetTheApplicationUpdateDeleteOrTruncateTheAuditLog() {
		http().login("roles-audit", "whatever-whatever");

		assertThatThrownBy(
				() -> jdbc.sql("UPDATE audit.audit_log SET details = 'nothing' WHERE actor = 'roles-audit'").update())
			.rootCause()
			.hasMessageContaining("permission denied for table audit_log");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit.audit_log WHERE actor = 'roles-audit'").update())
			.rootCause()
			.hasMessageContaining("permission denied for table audit_log");
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit.audit_log").update()).rootCause()
			.hasMessageContaining("permission denied for table audit_log");
		assertThat(
				jdbc.sql("SELECT count(*) FROM audit.audit_log WHERE actor = 'roles-audit'").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void shouldNotLetTheApplicationSwitchOffTriggers() {
		assertThatThrownBy(() -> jdbc.sql("SET session_replication_role = replica").update()).rootCause()
			.hasMessageContaining("permission denied to set parameter \"session_replication_role\"");
		assertThatThrownBy(() -> jdbc.sql("ALTER TABLE audit.audit_log DISABLE TRIGGER USER").update()).rootCause()
			.hasMessageContaining("must be owner of table audit_log");
		assertThatThrownBy(() -> jdbc.sql("ALTER TABLE casework.journal_entries DISABLE TRIGGER ALL").update())
			.rootCause()
			.hasMessageContaining("must be owner of table journal_entries");
		assertThatThrownBy(() -> jdbc.sql("DROP TRIGGER audit_log_append_only ON audit.audit_log").update()).rootCause()
			.hasMessageContaining("must be owner of relation audit_log");
		assertThat(jdbc.sql("SELECT current_setting('session_replication_role')").query(String.class).single())
			.isEqualTo("origin");
	}

	@Test
	void shouldGrantTheModulesTablesAndOnlySelectAndInsertOnEveryAuditTableAlsoOneAddedLater() {
		// a table that a later migration adds to the audit schema, and one to a module's
		// schema
		var owner = ownerJdbc();
		owner.sql("CREATE TABLE audit.roles_test_later (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY)").update();
		owner.sql("CREATE TABLE casework.roles_test_later (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY)")
			.update();
		try {
			flyway.migrate(); // nothing to migrate; the afterMigrate callback grants as
								// on every start

			assertThat(privileges("audit")).isNotEmpty().allSatisfy(p -> assertThat(p).endsWith(":SELECT,INSERT"));
			assertThat(privileges("audit")).contains("audit_log:SELECT,INSERT", "roles_test_later:SELECT,INSERT");
			for (String schema : List.of("identity", "region", "outreach", "casework")) {
				assertThat(privileges(schema)).as(schema)
					.isNotEmpty()
					.allSatisfy(p -> assertThat(p).endsWith(":SELECT,INSERT,UPDATE,DELETE"));
			}
			assertThat(privileges("casework")).contains("roles_test_later:SELECT,INSERT,UPDATE,DELETE");
			assertThat(jdbc.sql("SELECT has_table_privilege('public.flyway_schema_history', 'SELECT')")
				.query(Boolean.class)
				.single()).isFalse();
			assertThat(jdbc.sql("SELECT bool_and(has_sequence_privilege(c.oid, 'USAGE')) FROM pg_class c "
					+ "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'S' AND n.nspname <> 'public'")
				.query(Boolean.class)
				.single()).isTrue();
			assertThat(jdbc.sql("INSERT INTO audit.roles_test_later DEFAULT VALUES").update()).isEqualTo(1);
		}
		finally {
			owner.sql("DROP TABLE audit.roles_test_later, casework.roles_test_later").update();
		}
	}

	@Test
	void shouldRefuseTcpConnectionsWithoutTheRightPassword() {
		int port = jdbc.sql("SELECT current_setting('port')::int").query(Integer.class).single();
		for (String role : List.of("postgres", "skyddsnat_owner", "skyddsnat_app")) {
			assertThatThrownBy(() -> connect(port, role, null)).as(role)
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("no password was provided");
			assertThatThrownBy(() -> connect(port, role, "not-the-password")).as(role)
				.isInstanceOf(SQLException.class)
				.hasMessageContaining("password authentication failed");
		}
	}

	@Test
	void shouldTrustNoConnectionAndKeepThePasswordsInAnOwnerOnlyFile() throws IOException {
		var hba = Files.readAllLines(embedded.dataDirectory().resolve("postgres/pg_hba.conf"), StandardCharsets.UTF_8)
			.stream()
			.filter(line -> !line.isBlank() && !line.startsWith("#"))
			.toList();
		var credentials = embedded.dataDirectory().resolve("database.credentials");

		assertThat(hba).isNotEmpty().allSatisfy(line -> assertThat(line).endsWith("scram-sha-256"));
		assertThat(hba).noneSatisfy(line -> assertThat(line).contains("trust"));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
		assertThat(Files.readString(credentials)).contains("app.name=skyddsnat_app", "owner.name=skyddsnat_owner");
	}

	@Test
	void shouldRunTestsWithoutFsyncOnlyBecauseTheTestProfileSaysSo() throws IOException {
		assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("off");
		assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("off");
		assertThat(environment.getProperty("skyddsnat.embedded-db.durable")).isEqualTo("false");
		assertThat(new ClassPathResource("application-test.properties").getContentAsString(StandardCharsets.UTF_8))
			.contains("skyddsnat.embedded-db.durable=false");
		// the product's configuration leaves the durable default alone
		// (EmbeddedServerProcessTest reads it: on)
		assertThat(new ClassPathResource("application.properties").getContentAsString(StandardCharsets.UTF_8))
			.doesNotContain("embedded-db.durable")
			.doesNotContain("fsync")
			.doesNotContain("synchronous_commit");
	}

	private List<String> privileges(String schema) {
		return jdbc
			.sql("SELECT c.relname || ':' || concat_ws(',', "
					+ "CASE WHEN has_table_privilege(c.oid, 'SELECT') THEN 'SELECT' END, "
					+ "CASE WHEN has_table_privilege(c.oid, 'INSERT') THEN 'INSERT' END, "
					+ "CASE WHEN has_table_privilege(c.oid, 'UPDATE') THEN 'UPDATE' END, "
					+ "CASE WHEN has_table_privilege(c.oid, 'DELETE') THEN 'DELETE' END, "
					+ "CASE WHEN has_table_privilege(c.oid, 'TRUNCATE') THEN 'TRUNCATE' END, "
					+ "CASE WHEN has_table_privilege(c.oid, 'TRIGGER') THEN 'TRIGGER' END, "
					+ "CASE WHEN has_table_privilege(c.oid, 'REFERENCES') THEN 'REFERENCES' END) "
					+ "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
					+ "WHERE n.nspname = ? AND c.relkind IN ('r', 'p') ORDER BY c.relname")
			.param(schema)
			.query(String.class)
			.list();
	}

	private static void connect(int port, String user, String password) throws SQLException {
		var props = new Properties();
		props.setProperty("user", user);
		if (password != null) {
			props.setProperty("password", password);
		}
		DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", props).close();
	}

}
