package se.skyddsnat.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import javax.crypto.Mac;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one sealer: links committed audit rows into {@code audit.chain}, in the order it
 * sees them committed (ids come from a sequence and do not commit in order, so the chain
 * does not follow them). A round is one short transaction that holds
 * {@code pg_try_advisory_xact_lock}: a node that does not get the lock does not seal, so
 * across nodes there is exactly one sealer at a time and one order.
 *
 * <p>
 * Which rows are new is decided by PostgreSQL's snapshots, not by scanning the table:
 * every row records the id of the transaction that wrote it ({@code txid}). After a round
 * that saw everything committed in its snapshot, the rows still to seal are those of
 * transactions that were in progress then ({@code xip}) or started later
 * ({@code >= xmax}). The next round looks only at those (an index range plus a handful of
 * ids). Each link also stores the snapshot's {@code xmin} ({@code sealed_below}), from
 * where a restarted node starts looking.
 */
@Component
class AuditSealer {

	/** The advisory lock key of the sealer's turn ("SKDSEALR"). */
	static final long LOCK = 0x534B_4453_4541_4C52L;
	static final int BATCH = 5_000;

	private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

	/**
	 * Rows to link: committed since the last complete round, in one snapshot (returned
	 * with them).
	 */
	private static final String CANDIDATES = """
			WITH s AS (SELECT pg_current_snapshot()::text AS snapshot)
			SELECT s.snapshot, a.* FROM s LEFT JOIN LATERAL (
			    SELECT a.* FROM audit.audit_log a
			    WHERE (a.txid >= ?::xid8 OR a.txid = ANY (?::xid8[]))
			      AND NOT EXISTS (SELECT 1 FROM audit.chain c WHERE c.entry_id = a.id)
			    ORDER BY a.id
			    LIMIT ?) a ON true""";

	/**
	 * A backlog (more than a round) is walked along the primary key from the last row
	 * linked; rows outside the last round's snapshot are linked already, so the anti-join
	 * alone is exact here. Rows with a lower id that commit meanwhile are picked up by
	 * the uncursored round that ends every drain.
	 */
	private static final String BACKLOG = """
			SELECT a.* FROM audit.audit_log a
			WHERE a.id > ? AND NOT EXISTS (SELECT 1 FROM audit.chain c WHERE c.entry_id = a.id)
			ORDER BY a.id
			LIMIT ?""";

	private static final String INSERT_LINKS = """
			INSERT INTO audit.chain (position, entry_id, prev_mac, mac, key_id, sealed_at, sealed_below)
			SELECT l.position, l.entry_id, l.prev_mac, l.mac, ?, ?, ?::xid8
			FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) AS l(position, entry_id, prev_mac, mac)""";

	/** The last link of the chain. */
	record Head(long position, long entryId, String mac, String keyId, long sealedBelow) {
		static final Head EMPTY = new Head(0, 0, ChainMac.GENESIS, null, 0);

	}

	/**
	 * A snapshot as {@code pg_current_snapshot()} shows it, {@code xmin:xmax:xip,...}:
	 * after a complete round, every committed row outside {@code xip} and below
	 * {@code xmax} is sealed.
	 */
	record Snapshot(long xmin, long xmax, long[] xip) {
		static Snapshot parse(String text) {
			String[] parts = text.split(":", -1);
			long[] xip = parts[2].isEmpty() ? new long[0]
					: Arrays.stream(parts[2].split(",")).mapToLong(Long::parseLong).toArray();
			return new Snapshot(Long.parseLong(parts[0]), Long.parseLong(parts[1]), xip);
		}

		/**
		 * Only what the sealed_below of a link guarantees: every committed row below it
		 * is sealed.
		 */
		static Snapshot below(long xmin) {
			return new Snapshot(xmin, xmin, new long[0]);
		}

		String[] xipText() {
			return Arrays.stream(xip).mapToObj(Long::toString).toArray(String[]::new);
		}
	}

	private record Batch(boolean sealer, int sealed, Long lastId, Snapshot snapshot, Head head) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final AuditKeys keys;

	private final Clock clock;

	private final ReentrantLock local = new ReentrantLock();

	/**
	 * Written under {@link #local}: the snapshot of this node's last complete round (null
	 * before the first).
	 */
	private volatile Snapshot since;

	/** Guarded by {@link #local}: the last link this node wrote. */
	private Head lastWritten;

	AuditSealer(JdbcClient jdbc, PlatformTransactionManager transactions, AuditKeys keys, Clock clock) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(transactions);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.keys = keys;
		this.clock = clock;
	}

	/**
	 * Links every committed row not yet in the chain (in batches of {@value #BATCH}, each
	 * its own transaction). Returns how many were linked, or -1 when another node has the
	 * sealer's turn (it seals them).
	 */
	int seal() {
		local.lock();
		return sealLocked();
	}

	/**
	 * For a page that wants fresh figures: seals unless this node's sealer is busy
	 * already (say, with a backlog after a start), so a request never waits for a round;
	 * what is not linked yet shows as pending.
	 */
	int sealIfIdle() {
		return local.tryLock() ? sealLocked() : 0;
	}

	private int sealLocked() {
		try {
			int total = 0;
			Long cursor = null;
			while (true) {
				Long after = cursor;
				Batch batch = tx.execute(status -> batch(after));
				if (!batch.sealer()) {
					return total == 0 ? -1 : total;
				}
				total += batch.sealed();
				if (batch.head() != null) {
					lastWritten = batch.head();
				}
				if (batch.sealed() == BATCH) {
					cursor = batch.lastId(); // a backlog: walk it by id, then look once
												// more without the cursor
				}
				else if (cursor != null) {
					cursor = null;
				}
				else {
					since = batch.snapshot();
					return total;
				}
			}
		}
		finally {
			local.unlock();
		}
	}

	/** Committed rows not yet linked: for the access-log page (pending, not broken). */
	long pending() {
		Snapshot from = from(head().orElse(Head.EMPTY));
		return jdbc.sql("""
				SELECT count(*) FROM audit.audit_log a
				WHERE (a.txid >= ?::xid8 OR a.txid = ANY (?::xid8[]))
				  AND NOT EXISTS (SELECT 1 FROM audit.chain c WHERE c.entry_id = a.id)""")
			.params(Long.toString(from.xmax()), from.xipText())
			.query(Long.class)
			.single();
	}

	/**
	 * Rows that are in the log but neither linked nor waiting to be linked: the sealer
	 * will never see them (their {@code txid} was set below what is sealed), so they can
	 * only have been inserted past the application. One anti-join over the whole table:
	 * for the full verification only.
	 */
	long strays() {
		Snapshot from = from(head().orElse(Head.EMPTY));
		return jdbc.sql("""
				SELECT count(*) FROM audit.audit_log a
				WHERE NOT (a.txid >= ?::xid8 OR a.txid = ANY (?::xid8[]))
				  AND NOT EXISTS (SELECT 1 FROM audit.chain c WHERE c.entry_id = a.id)""")
			.params(Long.toString(from.xmax()), from.xipText())
			.query(Long.class)
			.single();
	}

	Optional<Head> head() {
		return jdbc.sql("""
				SELECT position, entry_id, mac, key_id, sealed_below::text AS sealed_below
				FROM audit.chain ORDER BY position DESC LIMIT 1""")
			.query((rs, n) -> new Head(rs.getLong("position"), rs.getLong("entry_id"), rs.getString("mac"),
					rs.getString("key_id"), Long.parseLong(rs.getString("sealed_below"))))
			.optional();
	}

	/**
	 * Runs {@code work} with the head of the chain in a transaction that holds the
	 * sealer's lock (waiting for a round in progress on any node), so the head cannot
	 * move meanwhile: for writing a checkpoint.
	 */
	<T> T withHeadLocked(Function<Optional<Head>, T> work) {
		return tx.execute(status -> {
			// a round takes milliseconds; never hang a shutdown on a lock that something
			// else holds on to
			jdbc.sql("SET LOCAL lock_timeout = '10s'").update();
			jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query().singleValue();
			return work.apply(head());
		});
	}

	private Batch batch(Long cursor) {
		boolean turn = jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(LOCK).query(Boolean.class).single();
		if (!turn) {
			return new Batch(false, 0, null, null, null);
		}
		Head head = head().orElse(Head.EMPTY);
		checkNotBehind(head);
		Snapshot from = from(head);
		Snapshot seen;
		List<AuditEntry> rows;
		if (cursor == null) {
			var snapshot = new String[1];
			rows = jdbc.sql(CANDIDATES).params(Long.toString(from.xmax()), from.xipText(), BATCH).query((rs, n) -> {
				snapshot[0] = rs.getString("snapshot");
				return rs.getObject("id") == null ? null : JdbcAuditLog.entry(rs);
			}).list().stream().filter(java.util.Objects::nonNull).toList();
			seen = Snapshot.parse(snapshot[0]);
		}
		else {
			rows = jdbc.sql(BACKLOG).params(cursor, BATCH).query((rs, n) -> JdbcAuditLog.entry(rs)).list();
			seen = null; // a cursored batch never completes a round
		}
		if (rows.isEmpty()) {
			return new Batch(true, 0, null, seen, null);
		}
		boolean complete = cursor == null && rows.size() < BATCH;
		long sealedBelow = Math.max(head.sealedBelow(), complete ? seen.xmin() : from.xmin());
		AuditKeys.Key key = keys.current();
		Mac mac = AuditKeys.mac(key);
		int n = rows.size();
		Long[] positions = new Long[n];
		Long[] entryIds = new Long[n];
		String[] prevMacs = new String[n];
		String[] macs = new String[n];
		String prev = head.mac();
		long position = head.position();
		for (int i = 0; i < n; i++) {
			AuditEntry e = rows.get(i);
			position++;
			positions[i] = position;
			entryIds[i] = e.id();
			prevMacs[i] = prev;
			macs[i] = ChainMac.link(mac, key.id(), position, e, prev);
			prev = macs[i];
		}
		jdbc.sql(INSERT_LINKS)
			.params(key.id(), OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)), Long.toString(sealedBelow), positions,
					entryIds, prevMacs, macs)
			.update();
		return new Batch(true, n, entryIds[n - 1], seen,
				new Head(position, entryIds[n - 1], prev, key.id(), sealedBelow));
	}

	/**
	 * Where to look for rows not yet sealed: this node's last complete round, unless the
	 * head link guarantees more (another node sealed further since, or this node has not
	 * sealed yet). Either is right; this is the narrower.
	 */
	private Snapshot from(Head head) {
		Snapshot mine = since;
		return mine == null || head.sealedBelow() > mine.xmax() ? Snapshot.below(head.sealedBelow()) : mine;
	}

	private void checkNotBehind(Head head) {
		Head mine = lastWritten;
		if (mine != null && (head.position() < mine.position()
				|| head.position() == mine.position() && !ChainMac.same(head.mac(), mine.mac()))) {
			log.error("Audit chain: the head is at position {} but this node linked position {} (MAC {}): links were "
					+ "removed or rewritten in the database", head.position(), mine.position(), mine.mac());
			lastWritten = null;
		}
	}

}
