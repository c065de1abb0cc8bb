package se.skyddsnat.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Skyddsnät's own PostgreSQL on {@code <data-dir>/postgres}, started the safe way: the
 * data directory locked for this process, a server left running by a killed predecessor
 * stopped first, the roles and password authentication in place before the server
 * listens, and durable commits unless the test profile says otherwise.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	/**
	 * The library's own lock file in the cluster: the only lock that earlier versions of
	 * Skyddsnät held.
	 */
	private static final String LIBRARY_LOCK = "epg-lock";

	private final Path dataDir;

	private final Path pgData;

	private final boolean ephemeral;

	private final DataDirectoryLock lock;

	private final EmbeddedCredentials credentials;

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(Path dataDir, Path pgData, boolean ephemeral, DataDirectoryLock lock,
			EmbeddedCredentials credentials, EmbeddedPostgres postgres) {
		this.dataDir = dataDir;
		this.pgData = pgData;
		this.ephemeral = ephemeral;
		this.lock = lock;
		this.credentials = credentials;
		this.postgres = postgres;
	}

	/**
	 * @param port 0 for any free port
	 * @param ephemeral a fresh cluster, deleted on close (tests)
	 * @param durable fsync, synchronous commit and full-page writes on; only tests turn
	 * this off
	 */
	static EmbeddedDatabase start(Path dataDir, int port, boolean ephemeral, boolean durable) {
		Path absolute = dataDir.toAbsolutePath().normalize();
		Path pgData = absolute.resolve("postgres");
		DataDirectoryLock lock = DataDirectoryLock.acquire(absolute);
		try {
			if (DataDirectoryLock.heldByAnotherProcess(pgData.resolve(LIBRARY_LOCK))) {
				throw DataDirectoryLock.inUse(absolute, pgData.resolve(LIBRARY_LOCK));
			}
			LeftRunningServer.stopIfRunning(pgData);
			var credentials = EmbeddedCredentials.loadOrCreate(absolute);
			Files.createDirectories(pgData);
			String commits = durable ? "on" : "off";
			var builder = EmbeddedPostgres.builder()
				.setDataDirectory(pgData)
				.setCleanDataDirectory(ephemeral)
				.setLocaleConfig("locale", "C.UTF-8")
				.setLocaleConfig("encoding", "UTF8")
				.setServerConfig("timezone", "UTC")
				.setServerConfig("listen_addresses", "localhost")
				// The library starts postgres with -F (fsync off) and
				// synchronous_commit=off, which can lose
				// committed work or corrupt the cluster on a power cut. These -c options
				// come after its -F and win.
				.setServerConfig("fsync", commits)
				.setServerConfig("synchronous_commit", commits)
				.setServerConfig("full_page_writes", "on")
				// after initdb, before the server starts: roles and passwords, no trust
				// (ClusterSecurity)
				.setDataDirectoryCustomizer(dir -> {
					if (!ClusterSecurity.isSecured(pgData, credentials)) {
						ClusterSecurity.secure(pgData, credentials, durable);
					}
				})
				// the library's own readiness check logs in as the superuser, now with
				// its password
				.setConnectConfig("password", credentials.superuser().password())
				// crash recovery after a power cut may take longer than the library's 10
				// seconds
				.setPGStartupWait(Duration.ofMinutes(2))
				// Spring closes the server after everything that uses it; its own JVM
				// hook would race that.
				.setRegisterShutdownHook(false);
			if (port > 0) {
				builder.setPort(port);
			}
			EmbeddedPostgres pg = builder.start();
			if (durable) {
				log.info("Embedded PostgreSQL started on port {} with data in {} (fsync, synchronous commit and "
						+ "full-page writes on)", pg.getPort(), pgData);
			}
			else {
				log.warn("Embedded PostgreSQL started on port {} with data in {} WITHOUT fsync and synchronous commit "
						+ "(skyddsnat.embedded-db.durable=false, for tests only: a crash can lose committed data)",
						pg.getPort(), pgData);
			}
			return new EmbeddedDatabase(absolute, pgData, ephemeral, lock, credentials, pg);
		}
		catch (IOException e) {
			lock.close();
			throw new UncheckedIOException(e);
		}
		catch (RuntimeException e) {
			lock.close();
			throw e;
		}
	}

	/** {@code jdbc:postgresql://localhost:<port>/postgres} */
	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
	}

	EmbeddedCredentials credentials() {
		return credentials;
	}

	/** {@code skyddsnat.data-dir}, absolute */
	Path dataDirectory() {
		return dataDir;
	}

	/**
	 * Stops the server (fast shutdown) and waits until it is gone, then releases the data
	 * directory.
	 */
	@Override
	public void close() {
		OptionalLong pid = LeftRunningServer.postmasterPid(pgData);
		try {
			postgres.close();
			// the library gives pg_ctl 5 seconds; a shutdown checkpoint on a busy cluster
			// may need longer
			if (pid.isPresent() && !LeftRunningServer.awaitExit(pid.getAsLong(), LeftRunningServer.STOP_WAIT)) {
				log.warn("The embedded PostgreSQL (pid {}) is still shutting down; the next start stops it",
						pid.getAsLong());
			}
			if (ephemeral) {
				Files.deleteIfExists(EmbeddedCredentials.file(dataDir));
			}
		}
		catch (IOException e) {
			log.warn("Could not stop the embedded PostgreSQL cleanly: {}", e.toString());
		}
		finally {
			lock.close();
		}
	}

}
