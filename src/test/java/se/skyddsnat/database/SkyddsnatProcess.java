package se.skyddsnat.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import se.skyddsnat.support.Http;

/**
 * Skyddsnät as an operator runs it: its own JVM (the test classpath,
 * {@code SkyddsnatApplication}, no test profile, so the product's own embedded database
 * settings), on a given data directory and a free port, with its output in a file. It can
 * be killed like a crashed process.
 */
final class SkyddsnatProcess implements AutoCloseable {

	static final String ADMIN_PASSWORD = "Skogsstig-Lykta-2026";

	private static final Duration START_BOUND = Duration.ofMinutes(3);

	final Process process;

	final int port;

	final Path output;

	private SkyddsnatProcess(Process process, int port, Path output) {
		this.process = process;
		this.port = port;
		this.output = output;
	}

	static SkyddsnatProcess start(Path dataDir, Path output) {
		int port = freePort();
		var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				"se.skyddsnat.SkyddsnatApplication", "--server.port=" + port, "--skyddsnat.data-dir=" + dataDir,
				"--skyddsnat.admin.username=admin", "--skyddsnat.admin.password=" + ADMIN_PASSWORD,
				"--spring.main.banner-mode=off",
				// these tests are about the process and its database; the admin's API
				// token needs no authenticator
				// code here (the second factor is SecondFactorTest's)
				"--skyddsnat.identity.second-factor=off"));
		var builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
		// nothing from the test's own environment decides what the product does
		builder.environment().keySet().removeIf(k -> k.startsWith("SPRING_") || k.startsWith("SKYDDSNAT_"));
		try {
			return new SkyddsnatProcess(builder.start(), port, output);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	Http http() {
		return new Http(port);
	}

	/**
	 * Waits until /actuator/health answers UP; fails with the process's output when it
	 * ends first.
	 */
	SkyddsnatProcess awaitHealthy() {
		Instant bound = Instant.now().plus(START_BOUND);
		while (Instant.now().isBefore(bound)) {
			if (!process.isAlive()) {
				throw new AssertionError(
						"Skyddsnät ended with " + process.exitValue() + " before it was healthy:\n" + output());
			}
			try {
				var health = http().json("GET", "/actuator/health", null, null);
				if (health.statusCode() == 200 && health.body().contains("\"status\":\"UP\"")) {
					return this;
				}
			}
			catch (UncheckedIOException notListeningYet) {
				// keep waiting
			}
			sleep(250);
		}
		throw new AssertionError("Skyddsnät was not healthy within " + START_BOUND + ":\n" + output());
	}

	/** Waits until the process ends by itself; its exit code. */
	int awaitExit() {
		try {
			if (!process.waitFor(START_BOUND.toSeconds(), TimeUnit.SECONDS)) {
				throw new AssertionError("Skyddsnät did not end within " + START_BOUND + ":\n" + output());
			}
			return process.exitValue();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** kill -9: the JVM ends at once, without running any shutdown hook. */
	void kill() {
		process.destroyForcibly();
		awaitExit();
	}

	String output() {
		try {
			return Files.readString(output, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			return "(no output: " + e + ")";
		}
	}

	/**
	 * Stops it as an operator does (SIGTERM: Spring shuts down, and with it the
	 * database).
	 */
	@Override
	public void close() {
		if (process.isAlive()) {
			process.destroy();
			try {
				if (!process.waitFor(START_BOUND.toSeconds(), TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/**
	 * The pid of the PostgreSQL server running on {@code dataDir}, from its
	 * postmaster.pid.
	 */
	static OptionalLong postmasterPid(Path dataDir) {
		return LeftRunningServer.postmasterPid(dataDir.resolve("postgres"));
	}

	/**
	 * A connection to the embedded server on {@code dataDir} as {@code role}, with the
	 * password from its file.
	 */
	static Connection connect(Path dataDir, String role) throws SQLException, IOException {
		var credentials = new Properties();
		try (var in = Files.newBufferedReader(dataDir.resolve("database.credentials"))) {
			credentials.load(in);
		}
		String port = Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).strip();
		var props = new Properties();
		props.setProperty("user", credentials.getProperty(role + ".name"));
		props.setProperty("password", credentials.getProperty(role + ".password"));
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", props);
	}

	/** After a failed test: no PostgreSQL may outlive it. */
	static void stopLeftoverServer(Path dataDir) {
		postmasterPid(dataDir).ifPresent(pid -> ProcessHandle.of(pid).ifPresent(server -> {
			server.destroy();
			LeftRunningServer.awaitExit(pid, Duration.ofMinutes(1));
		}));
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
