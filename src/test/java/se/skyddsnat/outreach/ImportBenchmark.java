package se.skyddsnat.outreach;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.Municipality;
import se.skyddsnat.support.IntegrationTest;

/**
 * The history import of 100 000 encounters through the API
 * ({@code POST /api/v1/outreach/import}), side by side with the hand-written limit on the
 * same rows in the same run: {@code COPY} of the two files into temporary tables and
 * set-based {@code INSERT … SELECT} of shifts, units, encounters and the children's tasks
 * (rolled back). Prints both and the ratio, and the heap the dry run of the same files
 * peaks at. Not part of the build:
 * {@code ./mvnw test -Dtest=ImportBenchmark -Dbenchmark=true [-Dimport.encounters=100000]}.
 * Timing is reported, never asserted.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@TestPropertySource(properties = "skyddsnat.security.throttle-max-failures=100000")
class ImportBenchmark extends IntegrationTest {

	@Autowired
	Municipalities municipalities;

	@Autowired
	Flyway flyway;

	@Test
	void importOfAHundredThousandEncounters() throws Exception {
		int wanted = Integer.getInteger("import.encounters", 100_000);
		var population = municipalities.all()
			.stream()
			.collect(Collectors.toMap(Municipality::code, Municipality::population));
		var shifts = new ArrayList<NewShift>();
		int encounters = 0;
		for (int seed = 1; encounters < wanted; seed++) {
			for (NewShift s : new SyntheticOutreach(seed, population, "imp" + seed).shifts(LocalDate.of(2001, 1, 1),
					LocalDate.of(2020, 12, 31))) {
				if (encounters >= wanted) {
					break;
				}
				shifts.add(s);
				encounters += s.encounters().size();
			}
		}
		byte[] shiftsCsv = OutreachCsv.shifts(shifts, ';', false);
		byte[] encountersCsv = OutreachCsv.encounters(shifts, ';', false);
		long minors = shifts.stream().flatMap(s -> s.encounters().stream()).filter(NewEncounter::isMinor).count();
		System.out.printf("import: %d shifts, %d encounters (%d children), files %.1f MB + %.1f MB%n", shifts.size(),
				encounters, minors, shiftsCsv.length / 1e6, encountersCsv.length / 1e6);

		long baseline = handWritten(shiftsCsv, encountersCsv);
		System.out.printf("import: hand-written COPY + INSERT ... SELECT (rolled back): %d ms%n", baseline);

		String coordinator = createUser("importbench", List.of("COORDINATOR"), List.of("MIKA"));
		String token = token(coordinator, USER_PASSWORD);
		var peak = new AtomicLong();
		long dry = timed(peak, () -> http().multipart("/api/v1/outreach/import?dryRun=true",
				Map.of("shifts", shiftsCsv, "encounters", encountersCsv), token));
		System.out.printf("import: dry run (read and check only) %d ms, heap peak %d MB%n", dry, peak.get() >> 20);
		peak.set(0);
		long app = timed(peak, () -> {
			var answer = http().multipart("/api/v1/outreach/import",
					Map.of("shifts", shiftsCsv, "encounters", encountersCsv), token);
			if (answer.statusCode() != 200) {
				throw new AssertionError(
						answer.statusCode() + " " + answer.body().substring(0, Math.min(500, answer.body().length())));
			}
		});
		System.out.printf("import: Skyddsnät API %d ms%n", app);
		ownerJdbc().sql("ANALYZE outreach.shifts, outreach.encounters, casework.tasks").update();
		long stored = jdbc
			.sql("SELECT count(*) FROM outreach.encounters e JOIN outreach.shifts s ON s.id = e.shift_id "
					+ "WHERE s.ref LIKE 'imp%'")
			.query(Long.class)
			.single();
		long tasks = jdbc
			.sql("SELECT count(*) FROM casework.tasks t JOIN outreach.shifts s ON s.id = t.shift_id "
					+ "WHERE s.ref LIKE 'imp%'")
			.query(Long.class)
			.single();
		System.out.printf(
				"import: Skyddsnät API %d ms (%d encounters, %d tasks stored; %.0f rows/s), heap peak %d MB%n", app,
				stored, tasks, stored * 1000.0 / app, peak.get() >> 20);
		System.out.printf("import: ratio %.1f× the hand-written%n", (double) app / baseline);
	}

	/**
	 * The same rows by COPY into temporary tables and set-based INSERTs, as the schema's
	 * owner; rolled back.
	 */
	private long handWritten(byte[] shiftsCsv, byte[] encountersCsv) throws Exception {
		DataSource owner = flyway.getConfiguration().getDataSource();
		try (Connection c = owner.getConnection()) {
			c.setAutoCommit(false);
			long start = System.nanoTime();
			try (var st = c.createStatement()) {
				st.execute(
						"""
								CREATE TEMP TABLE s_raw (ref text, date text, start_time text, end_time text, kind text,
								    police_operation text, arena text, municipality text, units text, notes text) ON COMMIT DROP;
								CREATE TEMP TABLE e_raw (shift_ref text, role text, gender text, age text, minor text,
								    home text, support_offered text, offered_by text, accepted text) ON COMMIT DROP""");
			}
			var copy = c.unwrap(PGConnection.class).getCopyAPI();
			copy.copyIn("COPY s_raw FROM STDIN (FORMAT csv, HEADER true, DELIMITER ';')",
					new StringReader(new String(shiftsCsv, StandardCharsets.UTF_8)));
			copy.copyIn("COPY e_raw FROM STDIN (FORMAT csv, HEADER true, DELIMITER ';')",
					new StringReader(new String(encountersCsv, StandardCharsets.UTF_8)));
			try (var st = c.createStatement()) {
				st.execute(
						"""
								INSERT INTO outreach.shifts (ref, shift_date, start_time, end_time, kind, police_operation, arena,
								                             municipality, notes, recorded_by)
								SELECT ref, date::date, nullif(start_time, '')::time, nullif(end_time, '')::time, kind,
								       nullif(police_operation, ''), arena, municipality, nullif(notes, ''), 'baseline'
								  FROM s_raw;
								INSERT INTO outreach.shift_units (shift_id, unit_code, position)
								SELECT s.id, u.code, u.n - 1
								  FROM s_raw r JOIN outreach.shifts s ON s.ref = r.ref,
								       unnest(string_to_array(r.units, '|')) WITH ORDINALITY AS u (code, n);
								INSERT INTO outreach.encounters (shift_id, position, role, gender, age, minor, home,
								                                 support_offered, offered_by, accepted)
								SELECT s.id, row_number() OVER (PARTITION BY e.shift_ref), e.role, e.gender,
								       nullif(e.age, '')::smallint, e.minor, e.home, e.support_offered = 'yes',
								       nullif(e.offered_by, ''), e.accepted
								  FROM e_raw e JOIN outreach.shifts s ON s.ref = e.shift_ref;
								INSERT INTO casework.tasks (unit_code, kind, due_date, shift_id, encounter_id, municipality,
								                            done_on, done_to, done_by, historical)
								SELECT coalesce(e.offered_by, (SELECT su.unit_code FROM outreach.shift_units su
								                                WHERE su.shift_id = s.id AND su.position = 0)),
								       k.kind, s.shift_date, s.id, e.id,
								       CASE WHEN k.kind = 'concern_report' THEN CASE WHEN e.home ~ '^[0-9]{4}$' THEN e.home ELSE s.municipality END END,
								       s.shift_date, 'historical import', 'system', true
								  FROM outreach.shifts s JOIN outreach.encounters e ON e.shift_id = s.id
								       CROSS JOIN (VALUES ('contact_guardians'), ('concern_report')) AS k (kind)
								 WHERE s.recorded_by = 'baseline' AND e.is_minor""");
			}
			long ms = (System.nanoTime() - start) / 1_000_000;
			c.rollback();
			return ms;
		}
	}

	/**
	 * Runs the action, sampling the heap in use every 20 ms; the milliseconds it took.
	 */
	private static long timed(AtomicLong peak, Runnable action) throws InterruptedException {
		var memory = ManagementFactory.getMemoryMXBean();
		System.gc();
		var sampler = Thread.ofPlatform().daemon().start(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		});
		long start = System.nanoTime();
		action.run();
		long ms = (System.nanoTime() - start) / 1_000_000;
		sampler.interrupt();
		sampler.join();
		return ms;
	}

}
