package se.skyddsnat.casework;

import static se.skyddsnat.support.Json.id;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import se.skyddsnat.support.IntegrationTest;

/**
 * A date out of every sane range can no longer be entered, and one stored before the rule
 * (PostgreSQL's {@code infinity}, year 99999, a day before Christ) is shown as it is: the
 * case page, its track and journal and the start page answer 200 for everyone instead of
 * 500.
 */
class OutOfRangeDatesTest extends IntegrationTest {

	@Autowired
	Clock clock;

	private long traffickingCase(String token) {
		long person = id(
				http()
					.json("POST", "/api/v1/people",
							"{\"alias\":\"Datum " + Numbers.suffix()
									+ "\",\"gender\":\"female\",\"unit\":\"RK_VUXNA\"}",
							token)
					.body());
		return id(http()
			.json("POST", "/api/v1/cases",
					"""
							{"unit":"RK_VUXNA","kind":"trafficking","openedOn":"%s","reason":"Spår","people":[{"personId":%d,"role":"exposed"}]}"""
						.formatted(LocalDate.now(clock).minusDays(30), person),
					token)
			.body());
	}

	@Test
	void shouldRefuseAReturnDateOutOfRangeNamingTheFieldAndTheRange() {
		String worker = createUser("returns", List.of("CASEWORKER"), List.of("RK_VUXNA"));
		String token = token(worker, USER_PASSWORD);
		long caseId = traffickingCase(token);
		LocalDate today = LocalDate.now(clock);
		String applied = today.minusDays(20).toString();

		var infinite = http().json("POST", "/api/v1/cases/" + caseId + "/track/returns",
				"{\"appliedOn\":\"" + applied + "\",\"returnDate\":\"+999999999-12-31\"}", token);
		assertThat(infinite.statusCode()).isEqualTo(400);
		assertThat(infinite.body()).contains("\"field\":\"returnDate\"")
			.contains("Ange ett datum mellan " + applied + " och " + today.plusYears(10));
		var yearZero = http().json("POST", "/api/v1/cases/" + caseId + "/track/returns",
				"{\"appliedOn\":\"0000-01-01\"}", token);
		assertThat(yearZero.statusCode()).isEqualTo(400);
		assertThat(yearZero.body()).contains("\"field\":\"appliedOn\"").contains("Ange ett datum mellan 1900-01-01");
		assertThat(jdbc.sql("SELECT count(*) FROM casework.track_returns WHERE case_id = ?")
			.param(caseId)
			.query(Long.class)
			.single()).isZero();

		long returnId = id(http()
			.json("POST", "/api/v1/cases/" + caseId + "/track/returns", "{\"appliedOn\":\"" + applied + "\"}", token)
			.body());
		var set = http().json("POST", "/api/v1/cases/" + caseId + "/track/returns/" + returnId + "/return",
				"{\"returnDate\":\"+999999999-12-31\"}", token);
		assertThat(set.statusCode()).isEqualTo(400);
		assertThat(set.body()).contains("\"field\":\"returnDate\"");
		assertThat(jdbc.sql("SELECT return_date FROM casework.track_returns WHERE id = ?")
			.param(returnId)
			.query(LocalDate.class)
			.optional()).isEmpty();
		// the case page and its API still answer for everyone
		assertThat(http().json("GET", "/api/v1/cases/" + caseId + "/track", null, token).statusCode()).isEqualTo(200);
	}

	@Test
	void shouldShowDatesStoredBeforeTheRuleInsteadOfFailing() {
		String worker = createUser("stored", List.of("CASEWORKER"), List.of("RK_VUXNA"));
		String token = token(worker, USER_PASSWORD);
		long caseId = traffickingCase(token);
		// written past the application, as they could be before dates were bounded
		jdbc.sql("""
				INSERT INTO casework.track_returns (case_id, applied_on, return_date, created_by)
				VALUES (?, '2026-01-10', 'infinity', 'old'), (?, '2026-01-10', '99999-06-30', 'old')""")
			.params(caseId, caseId)
			.update();
		jdbc.sql("""
				INSERT INTO casework.track_housing (case_id, from_date, to_date, provider, created_by)
				VALUES (?, '0044-03-15 BC', 'infinity', 'Gammalt boende', 'old')""").param(caseId).update();
		jdbc.sql("""
				INSERT INTO casework.track_permits (case_id, kind, applied_on, decision, decided_on, valid_until,
				       created_by, decided_by)
				VALUES (?, 'temporary_permit', '2026-01-02', 'granted', '2026-01-03', 'infinity', 'old', 'old')""")
			.param(caseId)
			.update();
		jdbc.sql("""
				INSERT INTO casework.journal_entries (case_id, entry_date, kind, channel, minutes, note, author,
				       signed_by, signed_at)
				VALUES (?, '99999-12-31', 'counselling', 'phone', 30, 'Från förr', 'old', 'old', now())""")
			.param(caseId)
			.update();

		var track = http().json("GET", "/api/v1/cases/" + caseId + "/track", null, token);
		assertThat(track.statusCode()).isEqualTo(200);
		assertThat(track.body()).contains("+999999999-12-31").contains("+99999-06-30").contains("Gammalt boende");
		var journal = http().json("GET", "/api/v1/cases/" + caseId + "/journal", null, token);
		assertThat(journal.statusCode()).isEqualTo(200);
		assertThat(journal.body()).contains("+99999-12-31").contains("Från förr");
		assertThat(http().json("GET", "/api/v1/cases/" + caseId, null, token).statusCode()).isEqualTo(200);

		var browser = http();
		browser.login(worker, USER_PASSWORD);
		var page = browser.get("/cases/" + caseId);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("+999999999-12-31")
			.contains("+99999-06-30")
			.contains("Gammalt boende")
			.contains("Från förr");
		assertThat(browser.get("/").statusCode()).isEqualTo(200);
		assertThat(browser.get("/cases").statusCode()).isEqualTo(200);
	}

}
