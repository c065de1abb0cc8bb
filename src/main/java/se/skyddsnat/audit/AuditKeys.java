package se.skyddsnat.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The chain's HMAC-SHA-256 keys, kept outside the database: {@code SKYDDSNAT_AUDIT_KEY}
 * (base64 keys separated by commas) when set, else the file {@code audit/audit.key} under
 * the data directory (one base64 key per line), created at the first start from
 * {@link SecureRandom} with owner-only permissions. The last key signs new links and
 * checkpoints; every key verifies (rotation: add a key at the end, restart; keep the old
 * ones). A key is known by its id, the start of the SHA-256 of the key, which every link
 * and checkpoint records; the key itself is never logged or stored anywhere else.
 */
@Component
class AuditKeys {

	static final String FILE_NAME = "audit.key";
	static final int MIN_BYTES = 32;

	private static final Logger log = LoggerFactory.getLogger(AuditKeys.class);

	private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
			PosixFilePermission.OWNER_WRITE);

	/** A key and its id; {@link #toString()} never shows the secret. */
	record Key(String id, byte[] secret) {
		@Override
		public String toString() {
			return "Key[" + id + "]";
		}
	}

	private final Map<String, Key> byId = new LinkedHashMap<>();

	private final Key current;

	private final Path keyFile;

	@Autowired
	AuditKeys(AuditProperties properties, AuditDirectory directory) {
		this(properties.key(), directory.resolve(FILE_NAME));
	}

	/**
	 * From {@code configured} keys when given (the file is then not used), else from
	 * {@code keyFile}.
	 */
	AuditKeys(String configured, Path keyFile) {
		List<byte[]> secrets;
		if (configured != null && !configured.isBlank()) {
			secrets = parse(List.of(configured.split("[,\\s]+")), "SKYDDSNAT_AUDIT_KEY");
			this.keyFile = null;
		}
		else {
			secrets = parse(readOrCreate(keyFile), keyFile.toString());
			this.keyFile = keyFile;
		}
		Key last = null;
		for (byte[] secret : secrets) {
			last = new Key(id(secret), secret);
			byId.putIfAbsent(last.id(), last);
		}
		this.current = last;
		log.info("Audit chain signs with key {} ({} key(s) for verification, from {})", current.id(), byId.size(),
				this.keyFile == null ? "SKYDDSNAT_AUDIT_KEY" : "the key file");
	}

	/** The key that signs new links and checkpoints. */
	Key current() {
		return current;
	}

	Optional<Key> find(String id) {
		return Optional.ofNullable(id == null ? null : byId.get(id));
	}

	List<String> ids() {
		return List.copyOf(byId.keySet());
	}

	/**
	 * The key file in use, or null when the keys come from {@code SKYDDSNAT_AUDIT_KEY}.
	 */
	Path keyFile() {
		return keyFile;
	}

	/**
	 * A fresh HMAC-SHA-256 for a key (a Mac is not thread-safe: one per walk or per use).
	 */
	static Mac mac(Key key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is not available", e);
		}
	}

	/**
	 * The first 16 hex digits of SHA-256 over a label and the key: names the key, reveals
	 * nothing of it.
	 */
	static String id(byte[] secret) {
		try {
			var digest = MessageDigest.getInstance("SHA-256");
			digest.update("skyddsnat-audit-key-id\n".getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest.digest(secret)).substring(0, 16);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A new random key as the key file holds it (one base64 line). */
	static String newKeyLine() {
		byte[] secret = new byte[MIN_BYTES];
		new SecureRandom().nextBytes(secret);
		return Base64.getEncoder().encodeToString(secret);
	}

	private static List<byte[]> parse(List<String> lines, String source) {
		var secrets = new ArrayList<byte[]>();
		int n = 0;
		for (String raw : lines) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			n++;
			byte[] secret;
			try {
				secret = Base64.getDecoder().decode(line);
			}
			catch (IllegalArgumentException e) {
				// never echo the value: it is (part of) a key
				throw new IllegalStateException("Audit key " + n + " in " + source + " is not valid base64");
			}
			if (secret.length < MIN_BYTES) {
				throw new IllegalStateException("Audit key " + n + " in " + source + " is " + secret.length
						+ " bytes; at least " + MIN_BYTES + " random bytes are needed (e.g. openssl rand -base64 32)");
			}
			secrets.add(secret);
		}
		if (secrets.isEmpty()) {
			throw new IllegalStateException("No audit key in " + source);
		}
		return secrets;
	}

	private static List<String> readOrCreate(Path file) {
		try {
			if (Files.notExists(file)) {
				create(file);
			}
			warnIfOthersCanRead(file);
			return Files.readAllLines(file, StandardCharsets.US_ASCII);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the audit key file " + file, e);
		}
	}

	private static void create(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		byte[] content = (newKeyLine() + "\n").getBytes(StandardCharsets.US_ASCII);
		try {
			if (AuditDirectory.posix()) {
				// created with the permissions already in place: there is no moment when
				// others may read it
				Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			}
			else {
				Files.createFile(file);
				log.warn("The file system of {} has no POSIX permissions; restrict access to it by other means", file);
			}
		}
		catch (FileAlreadyExistsException e) {
			return; // another process created it at the same moment: use that one
		}
		try (var channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.write(ByteBuffer.wrap(content));
			channel.force(true);
		}
		log.info("Created the audit chain key file {} (owner read/write only); back it up with the database", file);
	}

	private static void warnIfOthersCanRead(Path file) throws IOException {
		if (!AuditDirectory.posix()) {
			return;
		}
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
		if (!OWNER_ONLY.containsAll(permissions)) {
			log.warn("The audit key file {} has permissions {}; it should be rw------- (chmod 600)", file,
					PosixFilePermissions.toString(permissions));
		}
	}

}
