package se.skyddsnat.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Reading the audit log: the access-log page and log reviews (loggkontroll). */
public interface AuditReview {

	/** Filters; any may be null. {@code from} inclusive, {@code to} exclusive. */
	record Query(String actor, AuditKind kind, Instant from, Instant to, String subjectType, String subjectId) {
	}

	record Page(List<AuditEntry> entries, int page, int size, boolean hasMore) {
	}

	/**
	 * A record that audit rows are about, e.g. ("person", "42"); a null id stands for
	 * every record of the type.
	 */
	record Subject(String type, String id) {

		public Subject {
			if (type == null || type.isBlank()) {
				throw new IllegalArgumentException("type is required");
			}
		}

		public static Subject of(AuditSubject type, Object id) {
			if (id == null) {
				throw new IllegalArgumentException("id is required");
			}
			return new Subject(type.code(), id.toString());
		}

		/** Every record of a type: for a review of what one actor did. */
		public static Subject anyOf(AuditSubject type) {
			return new Subject(type.code(), null);
		}
	}

	/**
	 * A log review (loggkontroll): rows about any of the subjects, optionally by one
	 * actor and within a period ({@code from} inclusive, {@code to} exclusive; either may
	 * be null). No subjects, no rows.
	 */
	record SubjectQuery(Collection<Subject> subjects, String actor, Instant from, Instant to) {
	}

	/**
	 * A signed anchor of the chain's head, written outside the database
	 * ({@code audit/checkpoints.log} under the data directory): the link at
	 * {@code position} (of row {@code entryId}) had {@code mac} at {@code at}.
	 */
	record Checkpoint(long position, long entryId, String mac, Instant at, String keyId) {
	}

	/** How the database compares with the last checkpoint. */
	enum CheckpointState {

		/** No checkpoint has been written yet. */
		NONE,
		/** The link at the checkpoint's position is the one the checkpoint names. */
		AGREES,
		/** That link is gone (rows deleted from the end) or different (rewritten). */
		DISAGREES,
		/**
		 * The checkpoint's signature does not verify with any key: the file was changed
		 * outside Skyddsnät.
		 */
		INVALID

	}

	/** What is wrong in the chain. */
	enum ChainProblem {

		/** A row or its link was changed: the MAC does not match (or the row is gone). */
		ALTERED,
		/** A position is missing: a link (and its row) was deleted. */
		GAP,
		/** The link names a key id that is not in the configured keys. */
		UNKNOWN_KEY,
		/**
		 * A link verified earlier is gone or different: rows were removed or rewritten
		 * after they were checked.
		 */
		VERIFIED_LINK_CHANGED

	}

	/**
	 * The state of the keyed chain. {@code sealed}: links in the chain (its head
	 * position); {@code verifiedThrough}: the position through which the chain verifies,
	 * from position 1 when {@code verifiedFromStart}, else from {@code checkpoint};
	 * {@code pending}: committed rows not yet linked by the sealer (not broken, just not
	 * sealed yet); {@code unlinked}: rows that are neither linked nor pending, found by
	 * the last full verification (inserted past the application). {@code problem} names
	 * the first break (at {@code firstBrokenPosition}, row {@code firstBrokenId}), also
	 * when a full verification ({@code fullyVerifiedAt}) found it. {@code intact} is true
	 * only when there is no problem, no unlinked row, and the database agrees with the
	 * last checkpoint (or there is none yet).
	 */
	record ChainStatus(boolean intact, long sealed, long verifiedThrough, boolean verifiedFromStart, long pending,
			long unlinked, ChainProblem problem, Long firstBrokenPosition, Long firstBrokenId, String unknownKeyId,
			Checkpoint checkpoint, CheckpointState checkpointState, Instant fullyVerifiedAt, boolean fullRunning) {

		/** Links checked so far (through {@link #verifiedThrough}). */
		public long rowsChecked() {
			return verifiedThrough;
		}
	}

	Page search(Query query, int page, int size);

	/**
	 * Rows about the query's subjects, newest first: who read or changed these records,
	 * when and why. A list or search row naming several records comes once per record the
	 * query asks about (and only those), with that record as its {@code subjectId}.
	 */
	Page aboutSubjects(SubjectQuery query, int page, int size);

	/**
	 * Links what is committed into the chain (when this node gets the sealer's turn) and
	 * verifies the chain from where it was last verified (or from the last checkpoint
	 * that the database agrees with): milliseconds, not a walk over the whole log. The
	 * full walk is {@code ChainVerifier.verifyFully}, an explicit, audited action.
	 */
	ChainStatus verifyChain();

}
