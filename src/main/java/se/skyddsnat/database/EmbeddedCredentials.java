package se.skyddsnat.database;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three roles of the embedded cluster and their random passwords, kept in one file
 * under the data directory that only the operating-system user running Skyddsnät can read
 * or write (rw-------). Whoever can read that file can read the data directory itself, so
 * it adds no new secret to protect.
 *
 * @param superuser {@code postgres}, kept for the operator (backups, repairs); the
 * application never uses it
 * @param owner owns the schemas and tables; Flyway migrates as this role
 * @param app the role the running application connects as
 * @param created whether the file was written by this start (the roles then still have to
 * get these passwords)
 */
record EmbeddedCredentials(Role superuser, Role owner, Role app, boolean created) {

	static final String FILE_NAME = "database.credentials";
	static final String OWNER_ROLE = "skyddsnat_owner";
	static final String APP_ROLE = "skyddsnat_app";
	static final String SUPERUSER = "postgres";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedCredentials.class);

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	record Role(String name, String password) {
		@Override
		public String toString() {
			return name; // never the password
		}
	}

	/** Reads the file under {@code dataDir}, or creates it with new random passwords. */
	static EmbeddedCredentials loadOrCreate(Path dataDir) {
		Path file = dataDir.resolve(FILE_NAME);
		try {
			if (Files.exists(file)) {
				return read(file);
			}
			var created = new EmbeddedCredentials(new Role(SUPERUSER, randomPassword()),
					new Role(OWNER_ROLE, randomPassword()), new Role(APP_ROLE, randomPassword()), true);
			created.write(file);
			return created;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read or write " + file, e);
		}
	}

	static Path file(Path dataDir) {
		return dataDir.resolve(FILE_NAME);
	}

	private static EmbeddedCredentials read(Path file) throws IOException {
		if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
			log.warn("{} could be read by other users; it is now rw------- (owner only)", file);
			Files.setPosixFilePermissions(file, OWNER_ONLY);
		}
		var p = new Properties();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			p.load(in);
		}
		return new EmbeddedCredentials(role(p, "superuser", file), role(p, "owner", file), role(p, "app", file), false);
	}

	private static Role role(Properties p, String key, Path file) {
		String name = p.getProperty(key + ".name");
		String password = p.getProperty(key + ".password");
		if (name == null || password == null || name.isBlank() || password.isBlank()) {
			throw new IllegalStateException(file + " lacks " + key + ".name or " + key + ".password");
		}
		return new Role(name, password);
	}

	/**
	 * Written to a new owner-only file first, then moved into place: never readable by
	 * others, never half written.
	 */
	private void write(Path file) throws IOException {
		Path tmp = file.resolveSibling(FILE_NAME + ".new");
		Files.deleteIfExists(tmp);
		Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
			out.write(
					"""
							# The roles of Skyddsnät's embedded PostgreSQL and their passwords (random, made at the first start).
							# Keep this file private (rw-------) and with the data directory; see the README.
							superuser.name=%s
							superuser.password=%s
							owner.name=%s
							owner.password=%s
							app.name=%s
							app.password=%s
							"""
						.formatted(superuser.name, superuser.password, owner.name, owner.password, app.name,
								app.password));
		}
		Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
	}

	private static String randomPassword() {
		var sb = new StringBuilder(32);
		for (int i = 0; i < 32; i++) {
			sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return sb.toString();
	}
}
