package se.skyddsnat.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;

import se.skyddsnat.casework.Reminder;
import se.skyddsnat.casework.Reminders;
import se.skyddsnat.followup.grant.Grant;
import se.skyddsnat.followup.grant.Grants;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.scheduling.JobScheduler;
import se.skyddsnat.shared.Refused;
import se.skyddsnat.support.DueJobs;
import se.skyddsnat.support.IntegrationTest;
import se.skyddsnat.support.MutableClock;

/**
 * Grants with a standing clock: the 20 % payment stays withheld (and cannot be received)
 * until the final report is approved; the daily job reminds exactly on the configured
 * days before the report is due (30 and 7), once each, on the start page and by mail; a
 * payment expected after the approval is reminded of the day after it is late, and the
 * reminder goes once it is received.
 */
@Import(GrantsTest.StandingClock.class)
@TestPropertySource(properties = { "skyddsnat.followup.grant-reminder-days=30,7",
		"skyddsnat.followup.grant-payment-days=30", "skyddsnat.followup.grant-mail=bidrag@example.org" })
class GrantsTest extends IntegrationTest {

	private static final String JOB = "followup-grant-reminders";

	private static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

	@TestConfiguration(proxyBeanMethods = false)
	static class StandingClock {

		@Bean
		@Primary
		MutableClock standingClock() {
			return MutableClock.startingNow();
		}

	}

	@Autowired
	MutableClock clock;

	@Autowired
	JobScheduler scheduler;

	@Autowired
	Grants grants;

	@Autowired
	Reminders reminders;

	@AfterEach
	void logOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void shouldWithholdTheLastPaymentUntilTheReportIsApprovedAndRemindOnTheConfiguredDays() {
		asAnalyst();
		LocalDate today = LocalDate.now(clock);
		LocalDate due = today.plusDays(40);
		long id = grants.create(new Grants.NewGrant("Länsstyrelsen i testlänet", today.minusDays(10).toString(),
				"500 000", "En heltidstjänst för regional samordning.", today.minusDays(10).toString(),
				today.plusDays(20).toString(), "1 samordnare", "Den sista delen betalas när slutrapporten godkänts.",
				due.toString(), "20"));
		Grant grant = grants.find(id).orElseThrow();
		assertThat(grant.payments()).extracting(Grant.Payment::percent, Grant.Payment::amount, Grant.Payment::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(80, 400_000L, Grant.Status.EXPECTED),
					org.assertj.core.groups.Tuple.tuple(20, 100_000L, Grant.Status.WITHHELD));
		Grant.Payment last = grant.payments().get(1);
		grants.received(id, grant.payments().get(0).id(), today.toString());
		// the 20 % cannot be received before the report is approved
		assertThatThrownBy(() -> grants.received(id, last.id(), today.toString())).isInstanceOf(Refused.class)
			.hasMessage("followup.grant.error.withheld");
		assertThat(status(id, 1)).isEqualTo(Grant.Status.WITHHELD);

		// the day before the first reminder day: nothing; on it: one reminder, on the
		// start page and by mail
		at(due.minusDays(31));
		assertThat(reportReminders(id)).isEmpty();
		at(due.minusDays(30));
		assertThat(reportReminders(id)).hasSize(1);
		at(due.minusDays(30));
		at(due.minusDays(8));
		assertThat(made(id, "report_due")).containsExactly(due.minusDays(30));
		at(due.minusDays(7));
		assertThat(made(id, "report_due")).containsExactly(due.minusDays(30), due.minusDays(7));
		assertThat(reportReminders(id)).hasSize(1).first().satisfies(r -> {
			assertThat(r.link()).isEqualTo("/followup/grants/" + id);
			assertThat(r.due()).isEqualTo(due);
		});
		assertThat(
				jdbc.sql("SELECT count(*) FROM mail.outbox WHERE recipient = 'bidrag@example.org' AND body_text LIKE ?")
					.param("%Länsstyrelsen i testlänet ska lämnas senast " + due + "%")
					.query(Long.class)
					.single())
			.isEqualTo(2);

		// approved: the reminder goes, the 20 % becomes expected 30 days later, and is
		// late the day after that
		asAnalyst();
		LocalDate approved = LocalDate.now(clock);
		grants.approveReport(id, approved.toString());
		assertThat(status(id, 1)).isEqualTo(Grant.Status.EXPECTED);
		assertThat(grants.find(id).orElseThrow().payments().get(1).expectedOn()).isEqualTo(approved.plusDays(30));
		assertThat(reportReminders(id)).isEmpty();
		at(approved.plusDays(30));
		assertThat(made(id, "payment_late")).isEmpty();
		at(approved.plusDays(31));
		assertThat(made(id, "payment_late")).containsExactly(approved.plusDays(31));
		assertThat(reminders(id)).extracting(Reminder::messageKey)
			.containsExactly("followup.grant.reminder.paymentLate");
		asAnalyst();
		grants.received(id, last.id(), LocalDate.now(clock).toString());
		assertThat(status(id, 1)).isEqualTo(Grant.Status.RECEIVED);
		assertThat(reminders(id)).isEmpty();
	}

	private void at(LocalDate day) {
		clock.set(day.atTime(LocalTime.of(12, 0)).atZone(ZONE).toInstant());
		DueJobs.run(scheduler, jdbc, clock, List.of(JOB));
	}

	private List<LocalDate> made(long id, String kind) {
		return jdbc.sql("SELECT made_on FROM followup.grant_reminders WHERE grant_id = ? AND kind = ? ORDER BY made_on")
			.params(id, kind)
			.query(LocalDate.class)
			.list();
	}

	private List<Reminder> reminders(long id) {
		asAnalyst();
		return reminders.forCurrentUser().stream().filter(r -> r.link().equals("/followup/grants/" + id)).toList();
	}

	private List<Reminder> reportReminders(long id) {
		return reminders(id).stream().filter(r -> r.messageKey().equals("followup.grant.reminder.reportDue")).toList();
	}

	private Grant.Status status(long id, int index) {
		asAnalyst();
		return grants.find(id).orElseThrow().payments().get(index).status();
	}

	private static void asAnalyst() {
		var user = new CurrentUser(-1, "grant-analyst", "Analytiker", Set.of(Role.ANALYST), new TreeSet<>(), false);
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(user, null, "ROLE_ANALYST"));
	}

}
