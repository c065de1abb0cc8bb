package se.skyddsnat.followup.grant;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import se.skyddsnat.casework.Reminder;
import se.skyddsnat.casework.ReminderSource;
import se.skyddsnat.followup.FollowupProperties;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.mail.Outbox;
import se.skyddsnat.mail.OutgoingMail;
import se.skyddsnat.mail.PublicUrl;
import se.skyddsnat.scheduling.Jobs;

/**
 * The grants' reminders. The daily job {@value #JOB} makes, for each grant whose final
 * report is not approved, a reminder on each configured day before the report is due (or
 * at the first run after it, until the due date), and for each expected payment a
 * reminder the day after its expected date; each reminder once, recorded in the same
 * transaction (a repeated run makes nothing new), and by mail when
 * {@code skyddsnat.followup.grant-mail} is set. The start page shows the open ones to
 * those who keep the follow-up, until the report is approved or the payment received.
 */
@Component
@RequiredArgsConstructor
class GrantReminders implements ReminderSource {

	static final String JOB = "followup-grant-reminders";

	private final GrantStore store;

	private final FollowupProperties properties;

	private final Outbox outbox;

	private final PublicUrl url;

	private final MessageSource messages;

	private final Clock clock;

	@Configuration(proxyBeanMethods = false)
	static class Job {

		@Bean
		RecurringTask<Void> followupGrantReminders(GrantReminders reminders, FollowupProperties properties,
				Clock clock) {
			return Jobs.daily(JOB, clock.getZone(), properties.reminderTime(), reminders::run);
		}

	}

	/** The job's work for today. */
	@Transactional
	public void run() {
		LocalDate today = LocalDate.now(clock);
		for (Grant g : store.all()) {
			if (!g.approved()) {
				for (int days : properties.grantReminderDays()) {
					LocalDate day = g.reportDue().minusDays(days);
					if (!today.isBefore(day) && !today.isAfter(g.reportDue())
							&& store.remind(g.id(), 0, "report_due", g.reportDue(), day)) {
						mail("followup.grant.reminder.reportDue", g, g.reportDue());
					}
				}
			}
			for (Grant.Payment p : g.payments()) {
				if (p.status() == Grant.Status.EXPECTED && p.expectedOn() != null && today.isAfter(p.expectedOn())
						&& store.remind(g.id(), p.id(), "payment_late", p.expectedOn(), p.expectedOn().plusDays(1))) {
					mail("followup.grant.reminder.paymentLate", g, p.expectedOn());
				}
			}
		}
	}

	private void mail(String key, Grant g, LocalDate due) {
		if (properties.grantMail() == null || properties.grantMail().isBlank()) {
			return;
		}
		var locale = java.util.Locale.of("sv", "SE");
		String text = messages.getMessage(key, new Object[] { g.grantor(), due.toString() }, locale) + "\n\n"
				+ url.link("/followup/grants/" + g.id());
		outbox.queue(OutgoingMail.to(properties.grantMail().trim(),
				messages.getMessage("followup.grant.reminder.subject", null, locale), text));
	}

	@Override
	public List<Reminder> forCurrentUser(LocalDate today) {
		var user = CurrentUser.get().orElse(null);
		if (user == null || !user.may(Permission.EDIT_FOLLOWUP)) {
			return List.of();
		}
		return store.open()
			.stream()
			.map(m -> new Reminder(
					m.kind().equals("report_due") ? "followup.grant.reminder.reportDue"
							: "followup.grant.reminder.paymentLate",
					new Object[] { m.grantor(), m.due().toString() }, "/followup/grants/" + m.grantId(), m.due()))
			.toList();
	}

	List<GrantStore.Made> made(long grant) {
		return store.madeFor(grant);
	}

}
