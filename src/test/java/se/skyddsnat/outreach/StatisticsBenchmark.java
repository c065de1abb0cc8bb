package se.skyddsnat.outreach;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.Municipality;
import se.skyddsnat.support.IntegrationTest;

/**
 * Measures the statistics queries on twenty years of synthetic outreach (about 6 000
 * shifts and 15 000 encounters). Not part of the build: run it with
 * {@code ./mvnw test -Dtest=StatisticsBenchmark -Dbenchmark=true} and read the printed
 * medians. Timing is reported, never asserted.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@TestPropertySource(properties = "skyddsnat.security.throttle-max-failures=100000")
class StatisticsBenchmark extends IntegrationTest {

	@Autowired
	DefaultOutreachService outreach;

	@Autowired
	Municipalities municipalities;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void statisticsOnTwentyYears() {
		var population = municipalities.all()
			.stream()
			.collect(Collectors.toMap(Municipality::code, Municipality::population));
		var shifts = new SyntheticOutreach(7, population, "bench").shifts(LocalDate.of(1999, 1, 4),
				LocalDate.of(2018, 12, 30));
		long start = System.nanoTime();
		transactions.executeWithoutResult(tx -> shifts.forEach(s -> outreach.store(s, "bench", true, true)));
		System.out.printf("stored %d shifts, %d encounters in %d ms%n", shifts.size(),
				shifts.stream().mapToInt(s -> s.encounters().size()).sum(), (System.nanoTime() - start) / 1_000_000);
		var auth = new CurrentUser(0, "bench", "Bench", java.util.Set.of(Role.ANALYST), new java.util.TreeSet<>(),
				false);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(auth, null, auth.authorities()));
		try {
			measure("one year", () -> outreach.statistics(LocalDate.of(2015, 1, 1), LocalDate.of(2015, 12, 31), null));
			measure("one year, joint",
					() -> outreach.statistics(LocalDate.of(2015, 1, 1), LocalDate.of(2015, 12, 31), ShiftKind.JOINT));
			measure("twenty years",
					() -> outreach.statistics(LocalDate.of(1999, 1, 1), LocalDate.of(2018, 12, 31), null));
			// the suppressed figures: the three kinds in one snapshot, and primary and
			// secondary suppression
			measure("one year, suppressed",
					() -> outreach.publish(LocalDate.of(2015, 1, 1), LocalDate.of(2015, 12, 31), null, true));
			measure("one month, suppr.",
					() -> outreach.publish(LocalDate.of(2015, 3, 1), LocalDate.of(2015, 3, 31), null, true));
			measure("twenty years, s.",
					() -> outreach.publish(LocalDate.of(1999, 1, 1), LocalDate.of(2018, 12, 31), null, true));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		System.out.println(String.join("\n", jdbc.sql("""
				EXPLAIN ANALYZE SELECT count(*) FROM outreach.encounters e JOIN outreach.shifts s ON s.id = e.shift_id
				 WHERE s.shift_date BETWEEN DATE '2015-01-01' AND DATE '2015-12-31'""").query(String.class).list()));
	}

	private static void measure(String name, Runnable work) {
		for (int i = 0; i < 5; i++) {
			work.run(); // warm up
		}
		List<Long> micros = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			long t = System.nanoTime();
			work.run();
			micros.add((System.nanoTime() - t) / 1000);
		}
		Collections.sort(micros);
		System.out.printf("statistics %-16s median %6.1f ms, p90 %6.1f ms%n", name, micros.get(15) / 1000.0,
				micros.get(27) / 1000.0);
	}

}
