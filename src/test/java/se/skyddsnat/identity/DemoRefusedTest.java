package se.skyddsnat.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.skyddsnat.support.IntegrationTest;

/**
 * The demo on a database that holds real data (the shared test database, with a user of
 * its own): refused, nothing made.
 */
class DemoRefusedTest extends IntegrationTest {

	@Autowired
	private DemoRunner runner;

	@Test
	void shouldRefuseTheDemoOnADatabaseWithRealData() {
		createUser("realdata", List.of("CASEWORKER"), List.of("MIKA"));
		assertThat(runner.fill()).isEqualTo(DemoRunner.Outcome.REFUSED);
		assertThat(
				jdbc.sql("SELECT count(*) FROM identity.users WHERE username LIKE 'demo-%'").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM outreach.shifts WHERE synthetic").query(Long.class).single())
			.isZero();
	}

}
