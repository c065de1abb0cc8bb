package se.skyddsnat.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left running on the data directory by a Skyddsnät that ended
 * without stopping it (killed, {@code kill -9}, out of memory): the library starts
 * PostgreSQL as a separate process, which outlives the JVM, and the next start would fail
 * on its {@code postmaster.pid}. Called only while this process holds the data
 * directory's lock, so no live Skyddsnät owns that server; it is stopped with a fast
 * shutdown (SIGINT: open transactions roll back, everything committed stays) and the
 * start goes on normally.
 */
final class LeftRunningServer {

	static final Duration STOP_WAIT = Duration.ofMinutes(2);

	private static final Logger log = LoggerFactory.getLogger(LeftRunningServer.class);

	private LeftRunningServer() {
	}

	/**
	 * Stops the server named in {@code pgData/postmaster.pid} when it is alive and serves
	 * {@code pgData}.
	 */
	static void stopIfRunning(Path pgData) {
		Path pidFile = pgData.resolve("postmaster.pid");
		OptionalLong pid = postmasterPid(pgData);
		if (pid.isEmpty()) {
			return;
		}
		var process = ProcessHandle.of(pid.getAsLong()).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			// the server itself was killed too (a reboot): PostgreSQL clears its own
			// stale pid file
			return;
		}
		switch (identify(process.get(), pgData)) {
			case OTHER_PROCESS -> {
				// the pid was reused by an unrelated process (after a reboot); PostgreSQL
				// would refuse to start
				log.warn("{} names pid {}, which is not a PostgreSQL server on this directory; removing the stale file",
						pidFile, pid.getAsLong());
				delete(pidFile);
			}
			case UNKNOWN -> throw new EmbeddedDatabaseRefused(
					"A process with pid " + pid.getAsLong() + " (named in " + pidFile + ") is running, and it cannot be"
							+ " told whether it is a PostgreSQL server on this data directory.",
					"Stop that process if it is a PostgreSQL server of an earlier Skyddsnät (kill -INT "
							+ pid.getAsLong() + "), then start Skyddsnät again.");
			case OUR_SERVER -> stop(process.get(), pgData);
		}
	}

	/**
	 * The postmaster's pid from the first line of {@code postmaster.pid}, if the file is
	 * there and says one.
	 */
	static OptionalLong postmasterPid(Path pgData) {
		Path pidFile = pgData.resolve("postmaster.pid");
		try {
			List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile, StandardCharsets.US_ASCII)
					: List.of();
			return lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}") ? OptionalLong.empty()
					: OptionalLong.of(Long.parseLong(lines.get(0).strip()));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + pidFile, e);
		}
	}

	/** Waits (bounded) until the process with {@code pid} has ended; true when it has. */
	static boolean awaitExit(long pid, Duration wait) {
		var process = ProcessHandle.of(pid);
		if (process.isEmpty()) {
			return true;
		}
		try {
			process.get().onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException e) {
			return false;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException e) {
			return !process.get().isAlive();
		}
	}

	private enum Identity {

		OUR_SERVER, OTHER_PROCESS, UNKNOWN

	}

	/**
	 * A postgres program whose working directory is the data directory (the postmaster
	 * changes into it).
	 */
	private static Identity identify(ProcessHandle process, Path pgData) {
		var command = process.info().command();
		if (command.isEmpty()) {
			return Identity.UNKNOWN;
		}
		if (!command.get().endsWith("/postgres")) {
			return Identity.OTHER_PROCESS;
		}
		try {
			return Files.isSameFile(Path.of("/proc", Long.toString(process.pid()), "cwd"), pgData) ? Identity.OUR_SERVER
					: Identity.OTHER_PROCESS;
		}
		catch (IOException e) {
			return Identity.UNKNOWN;
		}
	}

	private static void stop(ProcessHandle process, Path pgData) {
		log.warn("A PostgreSQL server (pid {}) was left running on {} by an earlier Skyddsnät that ended without "
				+ "stopping it; stopping it (fast shutdown) before starting again", process.pid(), pgData);
		fastShutdown(pgData);
		if (!awaitExit(process.pid(), Duration.ofSeconds(10))) {
			throw new EmbeddedDatabaseRefused(
					"The PostgreSQL server (pid " + process.pid() + ") left running on " + pgData
							+ " did not stop within " + STOP_WAIT.toMinutes() + " minutes of a fast shutdown request.",
					"Look at what the server is doing, stop it (kill -INT " + process.pid() + "), then start Skyddsnät"
							+ " again.");
		}
		log.info("The PostgreSQL server left running (pid {}) has stopped", process.pid());
	}

	/**
	 * PostgreSQL's own {@code pg_ctl stop -m fast}: SIGINT to the postmaster named in the
	 * pid file (Java itself can only send SIGTERM, a "smart" shutdown that waits for
	 * clients, and SIGKILL), then waits until it is gone.
	 */
	private static void fastShutdown(Path pgData) {
		var command = PostgresBinaries.command("pg_ctl", List.of("stop", "-D", pgData.toString(), "-m", "fast", "-w",
				"-t", Long.toString(STOP_WAIT.toSeconds())));
		try {
			Process pgCtl = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(pgCtl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (pgCtl.waitFor() != 0) {
				log.warn("pg_ctl stop on {} said: {}", pgData, output.strip());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot run pg_ctl stop on " + pgData, e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot delete " + file, e);
		}
	}

}
