package se.skyddsnat.region.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.skyddsnat.support.IntegrationTest;

/**
 * Issue 11: with no meeting recorded the meetings page lists this year only — it listed
 * every year from 1900, because the first year's query answered 1900 for an empty table.
 * Checked in a transaction that is rolled back, so other tests' meetings stay.
 */
class MeetingYearsTest extends IntegrationTest {

	@Autowired
	private MeetingStore store;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void shouldStartTheYearsAtThisYearWhenNoMeetingIsRecorded() {
		int thisYear = LocalDate.now(ZoneId.of("Europe/Stockholm")).getYear();
		var tx = new TransactionTemplate(transactions);
		tx.executeWithoutResult(status -> {
			jdbc.sql("DELETE FROM region.meetings").update();
			assertThat(store.firstYear(thisYear)).isEqualTo(thisYear);
			jdbc.sql(
					"INSERT INTO region.meetings (held_on, kind, recorded_by) VALUES ('2019-03-01', 'steering', 'test')")
				.update();
			assertThat(store.firstYear(thisYear)).isEqualTo(2019);
			status.setRollbackOnly();
		});
	}

}
