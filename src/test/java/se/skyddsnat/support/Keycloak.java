package se.skyddsnat.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

/**
 * A real Keycloak (org.keycloak:keycloak-quarkus-dist, unpacked into target/keycloak by
 * the build) in development mode on a free port of 18600-18699, with an in-memory
 * database and the realm of src/test/resources/keycloak imported. Started once per test
 * class (30–60 s), stopped after it. Runs on the JDK that runs the tests.
 */
public final class Keycloak implements AutoCloseable {

	public static final String REALM = "skyddsnat";

	public static final String CLIENT_ID = "skyddsnat";

	public static final String CLIENT_SECRET = "test-client-secret-only-for-tests";

	private final Process process;

	private final int port;

	private final Path log;

	private Keycloak(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	public static Keycloak start() {
		Path home = Paths.get(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.7.3")).toAbsolutePath();
		if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
			throw new IllegalStateException(
					"No Keycloak at " + home + " (the build unpacks it: ./mvnw process-test-resources)");
		}
		try {
			Path imports = Files.createDirectories(home.resolve("data/import"));
			try (var in = Keycloak.class.getResourceAsStream("/keycloak/skyddsnat-realm.json")) {
				Files.copy(in, imports.resolve("skyddsnat-realm.json"), StandardCopyOption.REPLACE_EXISTING);
			}
			int port = freePort(18600);
			int management = freePort(port + 1);
			Path log = home.resolveSibling("keycloak-" + port + ".log");
			var builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--http-port=" + port,
					"--http-management-port=" + management, "--db=dev-mem", "--import-realm", "--hostname-strict=false")
				.redirectErrorStream(true)
				.redirectOutput(log.toFile());
			builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
			builder.environment().remove("JAVA_OPTS");
			var keycloak = new Keycloak(builder.start(), port, log);
			keycloak.awaitRealm(Duration.ofSeconds(180));
			return keycloak;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public int port() {
		return port;
	}

	public String issuer() {
		return "http://localhost:" + port + "/realms/" + REALM;
	}

	private void awaitRealm(Duration timeout) {
		var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		var request = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
			.timeout(Duration.ofSeconds(5))
			.build();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Keycloak stopped; see " + log);
			}
			try {
				if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
		close();
		throw new IllegalStateException("Keycloak did not start within " + timeout + "; see " + log);
	}

	private static int freePort(int from) {
		for (int p = from; p <= 18699; p++) {
			try (var socket = new ServerSocket(p)) {
				socket.setReuseAddress(true);
				return p;
			}
			catch (IOException taken) {
				// the next one
			}
		}
		throw new IllegalStateException("No free port in 18600-18699");
	}

	@Override
	public void close() {
		process.descendants().forEach(ProcessHandle::destroy);
		process.destroy();
		try {
			if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
