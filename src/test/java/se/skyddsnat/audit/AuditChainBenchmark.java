package se.skyddsnat.audit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

import se.skyddsnat.support.IntegrationTest;

/**
 * The keyed chain at the scale (1.65 million rows): sealing a backlog of that
 * size (as at the first start after the migration), a full verification, the access-log
 * page's incremental check after new rows, and writes from 20 threads at once (no lock in
 * the request). Not part of the build: run it alone with
 * {@code ./mvnw test -Dtest=AuditChainBenchmark -Dbenchmark=true} and read the printed
 * figures. Timing is reported, never asserted.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class AuditChainBenchmark extends IntegrationTest {

	private static final int ROWS = 1_650_000;

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditSealer sealer;

	@Autowired
	ChainVerifier verifier;

	@Autowired
	AuditReview review;

	@Test
	void chainAtOnePointSixFiveMillionRows() throws Exception {
		long t = System.nanoTime();
		jdbc.sql("""
				INSERT INTO audit.audit_log (occurred_at, actor, kind, subject_type, subject_id, purpose, client)
				SELECT now() - (n || ' seconds')::interval, 'bench-' || (n % 500), 'READ', 'person', (n % 100000)::text,
				       'view', '127.0.0.1'
				FROM generate_series(1, ?) AS n""").param(ROWS).update();
		report("insert " + ROWS + " rows (one statement)", t);

		t = System.nanoTime();
		int sealed = sealer.seal();
		report("seal a backlog of " + sealed + " rows", t);

		t = System.nanoTime();
		var full = verifier.verifyFully();
		report("full verification of " + full.sealed() + " links (intact=" + full.intact() + ")", t);

		t = System.nanoTime();
		full = verifier.verifyFully();
		report("full verification again, warm (intact=" + full.intact() + ")", t);
		explain("SELECT c.position, c.entry_id AS link_entry_id, c.prev_mac, c.mac, c.key_id, a.* FROM audit.chain c "
				+ "LEFT JOIN audit.audit_log a ON a.id = c.entry_id WHERE c.position > 0 ORDER BY c.position");

		for (int i = 0; i < 1000; i++) {
			auditLog.read(AuditSubject.PERSON, i, ReadPurpose.VIEW);
		}
		t = System.nanoTime();
		var incremental = review.verifyChain();
		report("seal 1 000 new rows + incremental check (intact=" + incremental.intact() + ")", t);

		var admin = http();
		admin.login(ADMIN, ADMIN_PASSWORD);
		measure("GET /admin/audit/chain (seal + incremental check + checkpoint comparison)",
				() -> admin.get("/admin/audit/chain").statusCode());

		int threads = 20;
		int each = 500;
		var start = new CountDownLatch(1);
		try (var pool = Executors.newFixedThreadPool(threads)) {
			var done = new ArrayList<Future<?>>();
			for (int k = 0; k < threads; k++) {
				int thread = k;
				done.add(pool.submit(() -> {
					start.await();
					for (int i = 0; i < each; i++) {
						auditLog.record(AuditEvent.of(AuditKind.READ)
							.actor("bench-writer-" + thread)
							.subject(AuditSubject.CASE, i)
							.purpose(ReadPurpose.VIEW));
					}
					return null;
				}));
			}
			t = System.nanoTime();
			start.countDown();
			for (var f : done) {
				f.get();
			}
		}
		double seconds = (System.nanoTime() - t) / 1e9;
		System.out.printf("BENCH %d threads wrote %d audit rows in %.2f s: %.0f rows/s%n", threads, threads * each,
				seconds, threads * each / seconds);
		t = System.nanoTime();
		sealer.seal();
		report("seal what they wrote", t);
		System.out.println("BENCH final: " + review.verifyChain());
	}

	private void explain(String sql) {
		System.out.println("BENCH "
				+ String.join("\nBENCH ", jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql).query(String.class).list()));
	}

	private static void report(String what, long startNanos) {
		System.out.printf("BENCH %s: %d ms%n", what, (System.nanoTime() - startNanos) / 1_000_000);
	}

	private static void measure(String what, Supplier<Object> call) {
		long[] ms = new long[21];
		for (int i = 0; i < ms.length; i++) {
			long t = System.nanoTime();
			call.get();
			ms[i] = (System.nanoTime() - t) / 1_000;
		}
		Arrays.sort(ms);
		System.out.printf("BENCH %s: median %.1f ms (min %.1f, max %.1f) over %d%n", what, ms[ms.length / 2] / 1000.0,
				ms[0] / 1000.0, ms[ms.length - 1] / 1000.0, ms.length);
	}

}
