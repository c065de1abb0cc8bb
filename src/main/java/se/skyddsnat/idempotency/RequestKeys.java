package se.skyddsnat.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keys of requests already carried out ({@code idempotency.request_keys}).
 * {@link #once} claims the key and does the work in one transaction: the key's row and
 * what the work created commit together or not at all. A second request with the same key
 * either finds the committed row or — when the first is still running — waits for it in
 * {@code INSERT ... ON CONFLICT}, which in PostgreSQL blocks on the other transaction's
 * uncommitted row, and then reads the first answer. If the first transaction rolled back,
 * the second simply does the work.
 */
@Component
class RequestKeys {

	/**
	 * The first answer: an HTTP status (API), a Location or redirect target, a body of
	 * ids (API).
	 */
	record Answer(Integer status, String location, String body, String fingerprint) {
	}

	/**
	 * What the work returned now, and what to keep for a repeat (null: keep nothing, a
	 * repeat does the work again).
	 */
	record Done<T>(T now, Answer kept) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate inOne;

	private final TransactionTemplate outside;

	private final IdempotencyProperties properties;

	private final Clock clock;

	RequestKeys(JdbcClient jdbc, PlatformTransactionManager transactions, IdempotencyProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.inOne = new TransactionTemplate(transactions);
		this.outside = new TransactionTemplate(transactions);
		this.outside.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Does {@code work} once for (user, operation, key): the first time in a transaction
	 * that also stores the key and the answer the work chose to keep; every later time
	 * (within the key's lifetime) {@code replay} turns the kept answer into the answer to
	 * give. An exception from the work rolls everything back, the key included.
	 * {@code fingerprint} (API) must match the first request's, else {@link KeyReused}.
	 */
	<T> T once(String user, String operation, String key, String fingerprint, Supplier<Done<T>> work,
			Function<Answer, T> replay) {
		return inOne.execute(status -> {
			for (int attempt = 0;; attempt++) {
				if (claim(user, operation, key, fingerprint)) {
					Done<T> done = work.get();
					keep(user, operation, key, done.kept());
					return done.now();
				}
				Optional<Answer> first = find(user, operation, key);
				if (first.isPresent()) {
					if (first.get().fingerprint() != null && !first.get().fingerprint().equals(fingerprint)) {
						throw new KeyReused();
					}
					return replay.apply(first.get());
				}
				// the row went away between our insert and our read (expired and cleaned
				// up): claim again
				if (attempt == 2) {
					throw new IllegalStateException("Request key could neither be claimed nor read");
				}
			}
		});
	}

	/**
	 * The operation as stored: its name and the request's path (ids only, never personal
	 * data), e.g. {@code journal.sign /cases/12/journal}.
	 */
	static String operation(String name, jakarta.servlet.http.HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String operation = name + " " + path;
		return operation.length() <= 200 ? operation : operation.substring(0, 200);
	}

	/**
	 * Work that must be kept whatever becomes of the request it is part of: in
	 * transactions of its own.
	 */
	<T> T outside(Supplier<T> work) {
		return outside.execute(status -> work.get());
	}

	/**
	 * Inserts the key, or takes over an expired one. No row back means a live key exists:
	 * committed, or — then this statement has waited for it — committed by a concurrent
	 * first request.
	 */
	private boolean claim(String user, String operation, String key, String fingerprint) {
		Instant now = clock.instant();
		cleanUp(now);
		return jdbc
			.sql("""
					INSERT INTO idempotency.request_keys (username, operation, idem_key, fingerprint, created_at, expires_at)
					VALUES (:user, :operation, :key, :fingerprint, :now, :expires)
					ON CONFLICT (username, operation, idem_key) DO UPDATE
					   SET fingerprint = EXCLUDED.fingerprint, status = NULL, location = NULL, body = NULL,
					       created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
					 WHERE request_keys.expires_at <= EXCLUDED.created_at
					RETURNING 1""")
			.param("user", user)
			.param("operation", operation)
			.param("key", key)
			.param("fingerprint", fingerprint)
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(properties.ttl())))
			.query(Integer.class)
			.optional()
			.isPresent();
	}

	private void keep(String user, String operation, String key, Answer answer) {
		if (answer == null) {
			jdbc.sql("DELETE FROM idempotency.request_keys WHERE username = ? AND operation = ? AND idem_key = ?")
				.params(user, operation, key)
				.update();
			return;
		}
		jdbc.sql("""
				UPDATE idempotency.request_keys SET status = ?, location = ?, body = ?
				 WHERE username = ? AND operation = ? AND idem_key = ?""")
			.params(answer.status(), answer.location(), answer.body(), user, operation, key)
			.update();
	}

	private Optional<Answer> find(String user, String operation, String key) {
		return jdbc.sql("""
				SELECT status, location, body, fingerprint FROM idempotency.request_keys
				 WHERE username = ? AND operation = ? AND idem_key = ? AND expires_at > ?""")
			.params(user, operation, key, Timestamp.from(clock.instant()))
			.query((rs, n) -> new Answer((Integer) rs.getObject("status"), rs.getString("location"),
					rs.getString("body"), rs.getString("fingerprint")))
			.optional();
	}

	/**
	 * Deletes a few expired keys; skips rows another request is using, so it never waits.
	 */
	private void cleanUp(Instant now) {
		jdbc.sql(
				"""
						DELETE FROM idempotency.request_keys WHERE ctid = ANY (ARRAY(
						    SELECT ctid FROM idempotency.request_keys WHERE expires_at <= ? LIMIT 100 FOR UPDATE SKIP LOCKED))""")
			.param(Timestamp.from(now))
			.update();
	}

}
