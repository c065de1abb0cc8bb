package se.skyddsnat.outreach;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.context.TestPropertySource;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/**
 * Statistics at a county's scale: {@code -Dcounty.shifts} shifts (default 200 000) with
 * 25 encounters each (5 million) over ten years, built by SQL in a scratch data directory
 * under /tmp. Prints, in the same run on the same data: the API's median for the report's
 * 15 months (joint shifts) and for ten years (all shifts), the page's, the best
 * hand-written SQL over the same rollup, the ratio, the former scan of the encounters for
 * comparison, and a light page's latency alone and while ten ten-year statistics requests
 * run at once (the bulkhead). Not part of the build:
 * {@code ./mvnw test -Dtest=CountyStatisticsBenchmark -Dbenchmark=true}. Timing is
 * reported, never asserted.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@TestPropertySource(properties = { "skyddsnat.data-dir=/tmp/perf-county-${random.uuid}",
		"skyddsnat.security.throttle-max-failures=100000" })
class CountyStatisticsBenchmark extends IntegrationTest {

	private static final String P15_FROM = "2024-10-01";

	private static final String TO = "2025-12-31";

	private static final String Y10_FROM = "2016-01-01";

	@Test
	void statisticsOfACounty() throws Exception {
		int shifts = Integer.getInteger("county.shifts", 200_000);
		build(shifts);
		String analyst = createUser("countyanalyst", List.of("ANALYST"), List.of());
		String token = token(analyst, USER_PASSWORD);
		var browser = http();
		browser.login(analyst, USER_PASSWORD);

		String q15 = "/api/v1/outreach/statistics?from=" + P15_FROM + "&to=" + TO + "&kind=joint";
		String q10 = "/api/v1/outreach/statistics?from=" + Y10_FROM + "&to=" + TO;
		double api15 = median(() -> ok(http().json("GET", q15, null, token)));
		double sql15 = median(() -> handWritten(P15_FROM, TO, "{joint}"));
		double api10 = median(() -> ok(http().json("GET", q10, null, token)));
		double sql10 = median(() -> handWritten(Y10_FROM, TO, "{joint,own}"));
		double page10 = median(() -> ok(browser.get("/outreach/statistics?from=" + Y10_FROM + "&to=" + TO)));
		double suppressed10 = median(() -> ok(http().json("GET", q10 + "&suppress=true", null, token)));
		System.out.printf("county: statistics 15 months joint: API %.1f ms, hand-written %.1f ms, ratio %.1f×%n", api15,
				sql15, api15 / sql15);
		System.out
			.printf("county: statistics 10 years all: API %.1f ms, hand-written %.1f ms, ratio %.1f×; page %.1f ms; "
					+ "suppressed API %.1f ms%n", api10, sql10, api10 / sql10, page10, suppressed10);
		long scan = System.nanoTime();
		jdbc.sql("""
				SELECT count(*), count(*) FILTER (WHERE e.role = 'exposed' AND e.is_minor)
				  FROM outreach.encounters e JOIN outreach.shifts s ON s.id = e.shift_id
				 WHERE s.shift_date BETWEEN CAST(? AS date) AND CAST(? AS date) AND s.kind = 'joint'""")
			.params(P15_FROM, TO)
			.query()
			.singleRow();
		System.out.printf("county: for comparison, one scan of the 15 months' encounters (totals only): %d ms%n",
				(System.nanoTime() - scan) / 1_000_000);

		// a light page alone, and while ten ten-year statistics requests run at once
		List<Long> alone = light(browser, 200);
		var stop = new AtomicBoolean();
		var started = new CountDownLatch(10);
		var pool = Executors.newFixedThreadPool(10);
		for (int i = 0; i < 10; i++) {
			pool.submit(() -> {
				var client = new Http(port);
				started.countDown();
				while (!stop.get()) {
					client.json("GET", q10, null, token);
				}
			});
		}
		started.await();
		Thread.sleep(500);
		List<Long> loaded = light(browser, 200);
		stop.set(true);
		pool.shutdown();
		System.out.printf(
				"county: light page (/outreach) alone p50 %.1f ms p95 %.1f ms; with 10 statistics requests "
						+ "running p50 %.1f ms p95 %.1f ms%n",
				pct(alone, 50), pct(alone, 95), pct(loaded, 50), pct(loaded, 95));
	}

	private void build(int shifts) {
		var owner = ownerJdbc();
		long start = System.nanoTime();
		owner.sql("ALTER TABLE outreach.shifts DISABLE TRIGGER USER").update();
		owner.sql("ALTER TABLE outreach.encounters DISABLE TRIGGER USER").update();
		owner
			.sql("""
					INSERT INTO outreach.shifts (ref, shift_date, kind, police_operation, arena, municipality, synthetic, recorded_by)
					SELECT 'cty-' || g, DATE '2016-01-01' + (g % 3653),
					       CASE WHEN g % 3 = 0 THEN 'own' ELSE 'joint' END,
					       CASE WHEN g % 3 = 0 THEN NULL WHEN g % 2 = 0 THEN 'raid' ELSE 'surveillance' END,
					       (ARRAY['street', 'apartment', 'hotel', 'sex_club', 'online', 'other'])[1 + g % 6], '0180', true, 'bench'
					  FROM generate_series(1, ?) g""")
			.param(shifts)
			.update();
		owner.sql(
				"INSERT INTO outreach.shift_units (shift_id, unit_code, position) SELECT id, 'MIKA', 0 FROM outreach.shifts "
						+ "WHERE ref LIKE 'cty-%'")
			.update();
		owner.sql("""
				INSERT INTO outreach.encounters (shift_id, position, role, gender, age, minor, home, support_offered,
				                                 offered_by, accepted)
				SELECT s.id, p, (ARRAY['exposed', 'buyer', 'other'])[1 + (s.id + p) % 3], 'female',
				       CASE WHEN (s.id * p) % 10 = 0 THEN 16 ELSE 30 END,
				       CASE WHEN (s.id * p) % 10 = 0 THEN 'yes' ELSE 'no' END,
				       h.codes[1 + ((s.id * 7 + p * 13) % array_length(h.codes, 1))],
				       p % 2 = 0, CASE WHEN p % 2 = 0 THEN 'MIKA' END, (ARRAY['yes', 'no', 'unknown'])[1 + p % 3]
				  FROM outreach.shifts s CROSS JOIN generate_series(1, 25) p
				       CROSS JOIN (SELECT array_agg(code::text) || ARRAY['abroad', 'unknown'] AS codes
				                     FROM region.municipalities) h
				 WHERE s.ref LIKE 'cty-%'""").update();
		owner.sql("ALTER TABLE outreach.shifts ENABLE TRIGGER USER").update();
		owner.sql("ALTER TABLE outreach.encounters ENABLE TRIGGER USER").update();
		long rows = System.nanoTime();
		owner.sql("SELECT outreach.rebuild_rollup()").query().singleRow();
		owner.sql("VACUUM ANALYZE outreach.shifts").update();
		owner.sql("VACUUM ANALYZE outreach.encounters").update();
		owner.sql("VACUUM ANALYZE outreach.daily_counts").update();
		owner.sql("VACUUM ANALYZE outreach.daily_homes").update();
		System.out.printf("county: %d shifts, %d encounters written in %d s; rollups rebuilt (%d + %d rows) in %d s%n",
				shifts, owner.sql("SELECT count(*) FROM outreach.encounters").query(Long.class).single(),
				(rows - start) / 1_000_000_000,
				owner.sql("SELECT count(*) FROM outreach.daily_counts").query(Long.class).single(),
				owner.sql("SELECT count(*) FROM outreach.daily_homes").query(Long.class).single(),
				(System.nanoTime() - rows) / 1_000_000_000);
	}

	/**
	 * The same figures by the shortest SQL over the same rollups: totals, by home, by
	 * arena, joint shifts per week.
	 */
	private Object handWritten(String from, String to, String kinds) {
		var totals = jdbc.sql("""
				SELECT sum(shifts), sum(encounters), sum(exposed), sum(exposed_minors), sum(buyers), sum(buyer_minors),
				       sum(other), sum(other_minors), sum(offered), sum(accepted),
				       sum(shifts) FILTER (WHERE police_operation = 'raid')
				  FROM outreach.daily_counts
				 WHERE day BETWEEN CAST(? AS date) AND CAST(? AS date) AND kind = ANY (CAST(? AS varchar[]))""")
			.params(from, to, kinds)
			.query()
			.singleRow();
		// whole months from the monthly rollup, the rest of the days from the daily one
		// (both periods here end on
		// the last of a month; the 15 months start on the first)
		var homes = jdbc.sql("""
				SELECT home, sum(exposed), sum(buyers), sum(other)
				  FROM outreach.monthly_homes
				 WHERE month BETWEEN CAST(? AS date) AND CAST(? AS date) AND kind = ANY (CAST(? AS varchar[]))
				 GROUP BY home""").params(from, to, kinds).query().listOfRows();
		var arenas = jdbc.sql("""
				SELECT arena, sum(shifts), sum(encounters) FROM outreach.daily_counts
				 WHERE day BETWEEN CAST(? AS date) AND CAST(? AS date) AND kind = ANY (CAST(? AS varchar[]))
				 GROUP BY arena""").params(from, to, kinds).query().listOfRows();
		var weeks = jdbc.sql("""
				SELECT date_trunc('week', day), sum(shifts) FROM outreach.daily_counts
				 WHERE day BETWEEN CAST(? AS date) AND CAST(? AS date) AND kind = 'joint' GROUP BY 1""")
			.params(from, to)
			.query()
			.listOfRows();
		return List.of(totals, homes, arenas, weeks);
	}

	private static Object ok(java.net.http.HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new AssertionError(response.statusCode() + " " + response.body());
		}
		return response;
	}

	/** Median of 15 runs after 5 warm-up runs, in ms. */
	private static double median(Supplier<Object> action) {
		for (int i = 0; i < 5; i++) {
			action.get();
		}
		var times = new ArrayList<Long>();
		for (int i = 0; i < 15; i++) {
			long start = System.nanoTime();
			action.get();
			times.add(System.nanoTime() - start);
		}
		Collections.sort(times);
		return times.get(times.size() / 2) / 1e6;
	}

	private static List<Long> light(Http browser, int n) {
		var times = new ArrayList<Long>();
		for (int i = 0; i < n; i++) {
			long start = System.nanoTime();
			ok(browser.get("/outreach"));
			times.add(System.nanoTime() - start);
		}
		return times;
	}

	private static double pct(List<Long> times, int p) {
		long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
	}

}
