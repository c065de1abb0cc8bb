package se.skyddsnat.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import javax.crypto.Mac;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import se.skyddsnat.audit.AuditReview.ChainProblem;
import se.skyddsnat.audit.AuditReview.ChainStatus;
import se.skyddsnat.audit.AuditReview.Checkpoint;
import se.skyddsnat.audit.AuditReview.CheckpointState;

/**
 * Verifies the keyed chain: every link's position follows the previous one, its previous
 * MAC is the previous link's MAC, and its MAC, recomputed with the key its key id names
 * over the row as it is now, is the stored one.
 *
 * <p>
 * {@link #check()} is incremental: it remembers (in memory) the last link it verified and
 * only walks what was sealed since, after checking that the remembered link is still
 * there unchanged. After a start it begins at the last checkpoint, when the database
 * agrees with it, else at the first link. Either way it compares the database with the
 * last checkpoint (one indexed lookup). {@link #verifyFully()} walks from the first link:
 * after a start in the background, and when an administrator asks; a break it finds stays
 * reported until a full walk passes.
 */
@Component
class ChainVerifier {

	private static final Logger log = LoggerFactory.getLogger(ChainVerifier.class);

	private static final String WALK = """
			SELECT c.position, c.entry_id AS link_entry_id, c.prev_mac, c.mac, c.key_id, a.*
			FROM audit.chain c LEFT JOIN audit.audit_log a ON a.id = c.entry_id
			WHERE c.position > ?
			ORDER BY c.position""";

	/**
	 * A verified stretch of the chain: from after position {@code from} (0: the first
	 * link) through {@code position}.
	 */
	private record Verified(long from, long position, long entryId, String mac) {
		static final Verified START = new Verified(0, 0, 0, ChainMac.GENESIS);

	}

	/**
	 * What a walk found: the last good link, how many it checked, and the first problem
	 * (null: none).
	 */
	record Walk(long position, long entryId, String mac, long checked, ChainProblem problem, Long brokenPosition,
			Long brokenEntryId, String unknownKeyId) {
		boolean intact() {
			return problem == null;
		}
	}

	private record Full(Instant at, Walk walk, long strays) {
	}

	private final JdbcTemplate streaming;

	private final TransactionTemplate readOnly;

	private final AuditKeys keys;

	private final Checkpoints checkpoints;

	private final AuditSealer sealer;

	private final Clock clock;

	private final ReentrantLock lock = new ReentrantLock();

	/** Guarded by {@link #lock}. */
	private Verified verified;

	private volatile Full lastFull;

	private final AtomicInteger fullRunning = new AtomicInteger();

	ChainVerifier(DataSource dataSource, PlatformTransactionManager transactions, AuditKeys keys,
			Checkpoints checkpoints, AuditSealer sealer, Clock clock) {
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(1000);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.keys = keys;
		this.checkpoints = checkpoints;
		this.sealer = sealer;
		this.clock = clock;
	}

	/**
	 * Verifies what was sealed since the last check (milliseconds on a log of millions of
	 * rows).
	 */
	ChainStatus check() {
		lock.lock();
		try {
			Checkpoints.Last last = checkpoints.last();
			CheckpointState checkpointState = state(last);
			Verified start = verified;
			Walk walk;
			if (start != null && !stillThere(start)) {
				walk = new Walk(start.position(), start.entryId(), start.mac(), 0, ChainProblem.VERIFIED_LINK_CHANGED,
						start.position(), start.entryId(), null);
			}
			else {
				if (start == null) {
					Checkpoint c = last.checkpoint();
					start = checkpointState == CheckpointState.AGREES
							? new Verified(c.position(), c.position(), c.entryId(), c.mac()) : Verified.START;
				}
				walk = walk(start.position(), start.entryId(), start.mac());
				verified = new Verified(start.from(), walk.position(), walk.entryId(), walk.mac());
			}
			return status(walk, verified, last, checkpointState);
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Walks the whole chain from the first link; the result is remembered until the next
	 * full walk.
	 */
	ChainStatus verifyFully() {
		fullRunning.incrementAndGet();
		try {
			Walk walk = walk(0, 0, ChainMac.GENESIS);
			long strays = sealer.strays();
			lock.lock();
			try {
				lastFull = new Full(clock.instant(), walk, strays);
				Verified v = verified;
				if (walk.intact() && (v == null || v.from() <= walk.position())) {
					verified = v != null && v.position() > walk.position()
							? new Verified(0, v.position(), v.entryId(), v.mac())
							: new Verified(0, walk.position(), walk.entryId(), walk.mac());
				}
			}
			finally {
				lock.unlock();
			}
			if (!walk.intact()) {
				log.error("Audit chain: full verification found {} at position {} (row {})", walk.problem(),
						walk.brokenPosition(), walk.brokenEntryId());
			}
			else {
				log.info("Audit chain: full verification passed, {} links", walk.checked());
			}
			if (strays > 0) {
				log.error("Audit chain: {} rows are neither linked nor waiting to be linked", strays);
			}
		}
		finally {
			fullRunning.decrementAndGet();
		}
		return check();
	}

	/** For the background run after a start: never throws. */
	void verifyFullyQuietly() {
		try {
			verifyFully();
		}
		catch (RuntimeException e) {
			log.warn("Audit chain: full verification could not run: {}", e.toString());
		}
	}

	private ChainStatus status(Walk walk, Verified v, Checkpoints.Last last, CheckpointState checkpointState) {
		// the first break: this walk's, or an earlier one that the last full walk found
		Walk problem = walk;
		Full full = lastFull;
		if (full != null && !full.walk().intact()
				&& (problem.intact() || full.walk().brokenPosition() < problem.brokenPosition())) {
			problem = full.walk();
		}
		long strays = full == null ? 0 : full.strays();
		boolean intact = problem.intact() && strays == 0
				&& (checkpointState == CheckpointState.NONE || checkpointState == CheckpointState.AGREES);
		long sealed = sealer.head().map(AuditSealer.Head::position).orElse(0L);
		return new ChainStatus(intact, sealed, v.position(), v.from() == 0, sealer.pending(), strays, problem.problem(),
				problem.brokenPosition(), problem.brokenEntryId(), problem.unknownKeyId(), last.checkpoint(),
				checkpointState, full == null ? null : full.at(), fullRunning.get() > 0);
	}

	private CheckpointState state(Checkpoints.Last last) {
		if (last.none()) {
			return CheckpointState.NONE;
		}
		if (!last.valid()) {
			return CheckpointState.INVALID;
		}
		return checkpoints.agrees(last.checkpoint()) ? CheckpointState.AGREES : CheckpointState.DISAGREES;
	}

	private boolean stillThere(Verified v) {
		if (v.position() == 0) {
			return true;
		}
		return Boolean.TRUE.equals(streaming.query("SELECT entry_id, mac FROM audit.chain WHERE position = ?",
				rs -> rs.next() && rs.getLong("entry_id") == v.entryId() && ChainMac.same(rs.getString("mac"), v.mac()),
				v.position()));
	}

	/**
	 * Streams the links after {@code position} in order (a cursor in a read-only
	 * transaction); stops at a break.
	 */
	Walk walk(long position, long entryId, String mac) {
		ResultSetExtractor<Walk> extractor = rs -> walk(rs, position, entryId, mac);
		return readOnly.execute(status -> streaming.query(WALK, extractor, position));
	}

	private Walk walk(ResultSet rs, long position, long entryId, String mac) throws SQLException {
		Map<String, Mac> macs = new HashMap<>();
		long checked = 0;
		while (rs.next()) {
			long at = rs.getLong("position");
			long linkEntry = rs.getLong("link_entry_id");
			if (at != position + 1) {
				return new Walk(position, entryId, mac, checked, ChainProblem.GAP, position + 1, linkEntry, null);
			}
			String keyId = rs.getString("key_id");
			var key = keys.find(keyId);
			if (key.isEmpty()) {
				return new Walk(position, entryId, mac, checked, ChainProblem.UNKNOWN_KEY, at, linkEntry, keyId);
			}
			String stored = rs.getString("mac");
			boolean ok = ChainMac.same(rs.getString("prev_mac"), mac) && rs.getObject("id") != null
					&& ChainMac.same(stored, ChainMac.link(macs.computeIfAbsent(keyId, id -> AuditKeys.mac(key.get())),
							keyId, at, JdbcAuditLog.entry(rs), mac));
			if (!ok) {
				return new Walk(position, entryId, mac, checked, ChainProblem.ALTERED, at, linkEntry, null);
			}
			position = at;
			entryId = linkEntry;
			mac = stored;
			checked++;
		}
		return new Walk(position, entryId, mac, checked, null, null, null, null);
	}

}
