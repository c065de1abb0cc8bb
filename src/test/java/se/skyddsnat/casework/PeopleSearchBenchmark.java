package se.skyddsnat.casework;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.shared.UnitCode;
import se.skyddsnat.support.IntegrationTest;

/**
 * Measures person search on a large register: 200 000 (anonymous) people over seven
 * units, a case for each. Not part of the build:
 * {@code ./mvnw test -Dtest=PeopleSearchBenchmark -Dbenchmark=true}; timings are printed,
 * never asserted. Each hit is also audited, which is part of what is measured.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class PeopleSearchBenchmark extends IntegrationTest {

	@Autowired
	People people;

	@Test
	void searchOnTwoHundredThousandPeople() {
		long start = System.nanoTime();
		jdbc.sql(
				"""
						INSERT INTO casework.persons (alias, birth_year, gender, unit_code, search_text, created_by)
						SELECT n, 1950 + i % 50, CASE WHEN i % 2 = 0 THEN 'female' ELSE 'male' END,
						       (ARRAY['MIKA','KAST','RK_VUXNA','RK_BARN','UNGDOMSJOUREN','STODCENTRUM','SOCIALJOUREN'])[1 + i % 7],
						       lower(translate(n, 'ÅÄÖåäö', 'AAOaao')), 'bench'
						  FROM (SELECT i, (ARRAY['Åsa','Anna','Maria','Lina','Sara','Eva','Karin','Emma'])[1 + i % 8] || ' '
						               || (ARRAY['Andersson','Berg','Lindqvist','Öberg','Holm','Ek','Dahl','Nyström'])[1 + (i / 8) % 8]
						               || '-' || md5(i::text) AS n FROM generate_series(1, 200000) i) g""")
			.update();
		jdbc.sql("""
				INSERT INTO casework.cases (unit_code, kind, responsible, opened_on, reason, created_by)
				SELECT unit_code, 'mika_support', 'bench', DATE '2020-01-01', 'bench', 'bench' FROM casework.persons
				 WHERE created_by = 'bench'""").update();
		jdbc.sql("""
				INSERT INTO casework.case_people (case_id, person_id, role)
				SELECT c.id, p.id, 'exposed' FROM casework.persons p JOIN casework.cases c ON c.created_by = 'bench'
				   AND c.id - (SELECT min(id) FROM casework.cases WHERE created_by = 'bench')
				     = p.id - (SELECT min(id) FROM casework.persons WHERE created_by = 'bench')
				 WHERE p.created_by = 'bench'""").update();
		jdbc.sql("ANALYZE casework.persons").update();
		jdbc.sql("ANALYZE casework.cases").update();
		System.out.printf("stored 200 000 people and cases in %d ms%n", (System.nanoTime() - start) / 1_000_000);

		var user = new CurrentUser(0, "bench", "Bench", Set.of(Role.CASEWORKER),
				new TreeSet<>(Set.of(UnitCode.of("MIKA"))), false);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
		try {
			String someone = jdbc
				.sql("SELECT alias FROM casework.persons WHERE unit_code = 'MIKA' AND created_by = 'bench' LIMIT 1")
				.query(String.class)
				.single();
			String tail = someone.substring(someone.indexOf('-') + 1, someone.indexOf('-') + 9);
			measure("unique part of a name", () -> people.search(tail));
			measure("'asa oberg' (many hits, 50 shown)", () -> people.search("asa oberg"));
			measure("nobody", () -> people.search("zzzzqq"));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static void measure(String name, Runnable work) {
		for (int i = 0; i < 3; i++) {
			work.run();
		}
		List<Long> micros = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			long t = System.nanoTime();
			work.run();
			micros.add((System.nanoTime() - t) / 1000);
		}
		Collections.sort(micros);
		System.out.printf("search %-36s median %6.1f ms, p90 %6.1f ms%n", name, micros.get(10) / 1000.0,
				micros.get(18) / 1000.0);
	}

}
