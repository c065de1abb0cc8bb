package se.skyddsnat.database;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;

import org.postgresql.util.PasswordUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the embedded cluster its roles and password authentication, before the server
 * starts: a fresh cluster (the library's {@code initdb} trusts every local connection),
 * and a data directory of a Skyddsnät before two roles (superuser only, trust), are both
 * brought to the same state. The SQL runs in PostgreSQL's single-user mode on the data
 * directory, so the server never listens while anything is trusted; then
 * {@code pg_hba.conf} is replaced by one that asks every connection for its password
 * (SCRAM-SHA-256), TCP only from this machine. Every statement is idempotent: a start
 * interrupted half way simply does it again.
 */
final class ClusterSecurity {

	/** The first line of a {@code pg_hba.conf} written by Skyddsnät. */
	static final String HBA_MARKER = "# Skyddsnät: every connection gives its password (SCRAM-SHA-256).";

	private static final Logger log = LoggerFactory.getLogger(ClusterSecurity.class);

	private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private ClusterSecurity() {
	}

	/**
	 * Whether the roles and password authentication are in place (and the passwords
	 * known: {@code credentials}).
	 */
	static boolean isSecured(Path pgData, EmbeddedCredentials credentials) {
		if (credentials.created()) {
			return false;
		}
		Path hba = pgData.resolve("pg_hba.conf");
		try {
			return Files.exists(hba) && Files.readAllLines(hba, StandardCharsets.UTF_8)
				.stream()
				.findFirst()
				.filter(HBA_MARKER::equals)
				.isPresent();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + hba, e);
		}
	}

	/**
	 * Creates or updates the roles, hands every object to the owner, then writes
	 * {@code pg_hba.conf}.
	 */
	static void secure(Path pgData, EmbeddedCredentials credentials, boolean durable) {
		runSingleUser(pgData, durable, sql(credentials));
		writeHba(pgData);
		log.info(
				"Embedded PostgreSQL in {}: roles {} (owner) and {} (application), password authentication only; "
						+ "the passwords are in {}",
				pgData, credentials.owner(), credentials.app(), EmbeddedCredentials.FILE_NAME);
	}

	/**
	 * Statements for {@code postgres --single -j}: each ends with a semicolon and an
	 * empty line, so none may contain an empty line. Passwords go in as SCRAM verifiers,
	 * never as plain text.
	 */
	static List<String> sql(EmbeddedCredentials c) {
		String superuser = identifier(c.superuser().name());
		String owner = identifier(c.owner().name());
		String app = identifier(c.app().name());
		return List.of("ALTER ROLE " + superuser + " PASSWORD '" + verifier(c.superuser()) + "'", """
				DO $$
				BEGIN
				    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%1$s') THEN CREATE ROLE %1$s; END IF;
				    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '%2$s') THEN CREATE ROLE %2$s; END IF;
				END $$""".formatted(owner, app),
				"ALTER ROLE " + owner + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"
						+ " PASSWORD '" + verifier(c.owner()) + "'",
				"ALTER ROLE " + app + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS"
						+ " PASSWORD '" + verifier(c.app()) + "'",
				// the owner may create schemas (and owns public, as pg_database_owner);
				// the application may connect
				"ALTER DATABASE postgres OWNER TO " + owner, "GRANT CONNECT ON DATABASE postgres TO " + app,
				// An earlier Skyddsnät migrated as the superuser: hand its schemas,
				// tables (with their indexes and
				// sequences), sequences, functions and types to the owner. Extension
				// members stay where they are.
				"""
						DO $$
						DECLARE
						    r record;
						BEGIN
						    FOR r IN SELECT n.nspname FROM pg_namespace n
						             WHERE n.nspowner = '%1$s'::regrole AND n.nspname NOT LIKE 'pg\\_%%'
						               AND n.nspname NOT IN ('information_schema', 'public') LOOP
						        EXECUTE format('ALTER SCHEMA %%I OWNER TO %2$s', r.nspname);
						    END LOOP;
						    FOR r IN SELECT c.oid::regclass AS rel, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
						             WHERE c.relowner = '%1$s'::regrole AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
						               AND n.nspname NOT LIKE 'pg\\_%%' AND n.nspname <> 'information_schema'
						               AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
						                               AND d.objid = c.oid AND (d.deptype = 'e'
						                                    OR (c.relkind = 'S' AND d.deptype IN ('a', 'i'))))
						             ORDER BY c.relkind = 'S' LOOP
						        EXECUTE format('ALTER %%s %%s OWNER TO %2$s', CASE r.relkind WHEN 'v' THEN 'VIEW'
						            WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'S' THEN 'SEQUENCE'
						            ELSE 'TABLE' END, r.rel);
						    END LOOP;
						    FOR r IN SELECT p.oid::regprocedure AS fn, p.prokind FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
						             WHERE p.proowner = '%1$s'::regrole AND n.nspname NOT LIKE 'pg\\_%%' AND n.nspname <> 'information_schema'
						               AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
						                               AND d.objid = p.oid AND d.deptype = 'e') LOOP
						        EXECUTE format('ALTER %%s %%s OWNER TO %2$s',
						            CASE r.prokind WHEN 'a' THEN 'AGGREGATE' ELSE 'ROUTINE' END, r.fn);
						    END LOOP;
						    FOR r IN SELECT t.oid::regtype AS typ, t.typtype FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
						             WHERE t.typowner = '%1$s'::regrole AND t.typtype IN ('e', 'd', 'r', 'c')
						               AND (t.typtype <> 'c' OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
						               AND n.nspname NOT LIKE 'pg\\_%%' AND n.nspname <> 'information_schema'
						               AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
						                               AND d.objid = t.oid AND d.deptype = 'e') LOOP
						        EXECUTE format('ALTER %%s %%s OWNER TO %2$s',
						            CASE r.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, r.typ);
						    END LOOP;
						END $$"""
					.formatted(superuser, owner));
	}

	private static void runSingleUser(Path pgData, boolean durable, List<String> statements) {
		var command = PostgresBinaries.command("postgres",
				List.of("--single", "-j", "-D", pgData.toString(), "-c", "exit_on_error=on", "-c",
						"log_min_error_statement=panic", "-c", "log_min_messages=warning", "-c",
						"fsync=" + (durable ? "on" : "off"), "postgres"));
		try {
			Process postgres = new ProcessBuilder(command).redirectErrorStream(true).start();
			try (OutputStream in = postgres.getOutputStream()) {
				for (String statement : statements) {
					in.write((statement + ";\n\n").getBytes(StandardCharsets.UTF_8));
				}
			}
			String output = new String(postgres.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			int exit = postgres.waitFor();
			if (exit != 0) {
				throw new IllegalStateException("Could not set up the roles of the embedded PostgreSQL in " + pgData
						+ " (postgres --single exited with " + exit + "):\n" + output);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not run postgres --single on " + pgData, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while setting up the embedded PostgreSQL", e);
		}
	}

	private static void writeHba(Path pgData) {
		Path hba = pgData.resolve("pg_hba.conf");
		Path tmp = pgData.resolve("pg_hba.conf.new");
		String text = HBA_MARKER + "\n" + """
				# Written by Skyddsnät when it set up this cluster (see the README, "The embedded database"). The
				# server listens on localhost only; the roles' passwords are in ../database.credentials.
				# TYPE  DATABASE  USER  ADDRESS       METHOD
				local   all       all                 scram-sha-256
				host    all       all   127.0.0.1/32  scram-sha-256
				host    all       all   ::1/128       scram-sha-256
				""";
		try {
			Files.writeString(tmp, text, StandardCharsets.UTF_8);
			Files.move(tmp, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot write " + hba, e);
		}
	}

	private static String verifier(EmbeddedCredentials.Role role) {
		return PasswordUtil.encodeScramSha256(role.password().toCharArray());
	}

	private static String identifier(String name) {
		if (!ROLE_NAME.matcher(name).matches()) {
			throw new IllegalStateException("Not a plain role name: " + name);
		}
		return name;
	}

}
