package se.skyddsnat.casework;

import java.time.LocalDate;

/**
 * Something a user should act on, shown on the start page: a message key with its
 * arguments (no personal data beyond a case number), where to act, and the date it is
 * due.
 */
public record Reminder(String messageKey, Object[] args, String link, LocalDate due) {

	public boolean overdueOn(LocalDate today) {
		return due != null && due.isBefore(today);
	}
}
