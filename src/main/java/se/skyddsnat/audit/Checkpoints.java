package se.skyddsnat.audit;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.skyddsnat.audit.AuditReview.Checkpoint;

/**
 * Anchors the chain's head outside the database: a signed line appended to
 * {@code audit/checkpoints.log} under the data directory (opened for append only, flushed
 * to disk) and the same line in the log at INFO, which a central log collector keeps out
 * of reach of whoever can reach the database. Only ids, positions, MACs and times: no
 * personal data. A checkpoint is written after a sealing round, when the head has moved,
 * and never over a disagreement: while the database does not match the last checkpoint,
 * no newer one hides it.
 */
@Component
class Checkpoints {

	static final String FILE_NAME = "checkpoints.log";

	private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

	private static final Pattern LINE = Pattern
		.compile("v1 position=(\\d{1,18}) entry=(\\d{1,18}) mac=([0-9a-f]{64}) at=(\\S{1,40}) key=([0-9a-f]{1,32})");

	private static final int TAIL = 8192;

	/**
	 * The last complete line of the file: none yet, a checkpoint whose signature
	 * verifies, or an invalid line.
	 */
	record Last(Checkpoint checkpoint, boolean valid) {
		static final Last NONE = new Last(null, true);

		boolean none() {
			return checkpoint == null && valid;
		}
	}

	private final Path file;

	private final AuditKeys keys;

	private final AuditSealer sealer;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ReentrantLock writing = new ReentrantLock();

	Checkpoints(AuditDirectory directory, AuditKeys keys, AuditSealer sealer, JdbcClient jdbc, Clock clock) {
		this.file = directory.resolve(FILE_NAME);
		this.keys = keys;
		this.sealer = sealer;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Path file() {
		return file;
	}

	/**
	 * Seals what is committed, then anchors the head when it moved since the last
	 * checkpoint and verifies with the key. Returns the checkpoint written, or empty
	 * (nothing new, or a disagreement that must stay visible).
	 */
	Optional<Checkpoint> write() {
		sealer.seal();
		writing.lock();
		try {
			Last last = last();
			return sealer.withHeadLocked(head -> head.flatMap(h -> anchor(h, last)));
		}
		finally {
			writing.unlock();
		}
	}

	private Optional<Checkpoint> anchor(AuditSealer.Head head, Last last) {
		if (!last.valid()) {
			log.error("Audit checkpoint not written: the last line of {} has no valid signature", file);
			return Optional.empty();
		}
		Checkpoint previous = last.checkpoint();
		if (previous != null) {
			if (head.position() == previous.position() && ChainMac.same(head.mac(), previous.mac())) {
				return Optional.empty(); // nothing new since
			}
			if (!agrees(previous)) {
				log.error("Audit checkpoint not written: the chain no longer has the link of the last checkpoint "
						+ "(position {}, MAC {})", previous.position(), previous.mac());
				return Optional.empty();
			}
		}
		if (!headVerifies(head)) {
			log.error("Audit checkpoint not written: the MAC of the head link (position {}) does not verify",
					head.position());
			return Optional.empty();
		}
		var checkpoint = new Checkpoint(head.position(), head.entryId(), head.mac(),
				clock.instant().truncatedTo(ChronoUnit.MILLIS), keys.current().id());
		String line = line(checkpoint);
		append(line);
		log.info("Audit checkpoint {}", line);
		return Optional.of(checkpoint);
	}

	/** Whether the chain still has the link that {@code checkpoint} names. */
	boolean agrees(Checkpoint checkpoint) {
		return jdbc.sql("SELECT entry_id, mac FROM audit.chain WHERE position = ?")
			.param(checkpoint.position())
			.query((rs, n) -> rs.getLong("entry_id") == checkpoint.entryId()
					&& ChainMac.same(rs.getString("mac"), checkpoint.mac()))
			.optional()
			.orElse(false);
	}

	/**
	 * The last complete line of the file (read from its end: the file grows by a line per
	 * interval).
	 */
	Last last() {
		if (Files.notExists(file)) {
			return Last.NONE;
		}
		String tail;
		try (var in = new RandomAccessFile(file.toFile(), "r")) {
			long length = in.length();
			int n = (int) Math.min(length, TAIL);
			byte[] bytes = new byte[n];
			in.seek(length - n);
			in.readFully(bytes);
			tail = new String(bytes, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + file, e);
		}
		int end = tail.lastIndexOf('\n'); // a torn last write (no newline) is not a
											// checkpoint
		if (end < 0) {
			return Last.NONE;
		}
		String line = tail.substring(tail.lastIndexOf('\n', end - 1) + 1, end).strip();
		return line.isEmpty() ? Last.NONE : parse(line);
	}

	static String text(Checkpoint c) {
		return "v1 position=" + c.position() + " entry=" + c.entryId() + " mac=" + c.mac() + " at=" + c.at() + " key="
				+ c.keyId();
	}

	private String line(Checkpoint c) {
		String text = text(c);
		return text + " sig=" + ChainMac.checkpoint(AuditKeys.mac(keys.current()), text);
	}

	private Last parse(String line) {
		int sig = line.lastIndexOf(" sig=");
		if (sig < 0) {
			return new Last(null, false);
		}
		String text = line.substring(0, sig);
		var m = LINE.matcher(text);
		if (!m.matches()) {
			return new Last(null, false);
		}
		Instant at;
		try {
			at = Instant.parse(m.group(4));
		}
		catch (DateTimeParseException e) {
			return new Last(null, false);
		}
		var checkpoint = new Checkpoint(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), m.group(3), at,
				m.group(5));
		boolean valid = keys.find(checkpoint.keyId())
			.map(key -> ChainMac.same(ChainMac.checkpoint(AuditKeys.mac(key), text), line.substring(sig + 5)))
			.orElse(false);
		return new Last(checkpoint, valid);
	}

	private boolean headVerifies(AuditSealer.Head head) {
		return jdbc.sql("""
				SELECT c.position, c.prev_mac, c.mac, c.key_id, a.*
				FROM audit.chain c JOIN audit.audit_log a ON a.id = c.entry_id WHERE c.position = ?""")
			.param(head.position())
			.query((rs, n) -> {
				var key = keys.find(rs.getString("key_id"));
				return key.isPresent() && ChainMac.same(rs.getString("mac"), ChainMac.link(AuditKeys.mac(key.get()),
						key.get().id(), head.position(), JdbcAuditLog.entry(rs), rs.getString("prev_mac")));
			})
			.optional()
			.orElse(false);
	}

	private void append(String line) {
		try {
			boolean created = Files.notExists(file);
			if (created && AuditDirectory.posix()) {
				Files.createFile(file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			try (var channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.APPEND)) {
				// a torn earlier write (no newline at the end) must not swallow this line
				String prefix = !created && endsWithoutNewline() ? "\n" : "";
				channel.write(ByteBuffer.wrap((prefix + line + "\n").getBytes(StandardCharsets.UTF_8)));
				channel.force(true);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot append to " + file, e);
		}
	}

	private boolean endsWithoutNewline() throws IOException {
		try (var in = new RandomAccessFile(file.toFile(), "r")) {
			if (in.length() == 0) {
				return false;
			}
			in.seek(in.length() - 1);
			return in.read() != '\n';
		}
	}

}
