package se.skyddsnat.casework;

import java.time.LocalDate;
import java.util.List;

/**
 * One kind of reminder (permit ending, return follow-up, Stödcentrum's talk limit,
 * emergency accesses to review, ...). Each source computes its reminders for the current
 * user from the stored dates and today's date from the injected clock, so a reminder
 * appears exactly on its day without a job that could miss it.
 */
public interface ReminderSource {

	List<Reminder> forCurrentUser(LocalDate today);

}
