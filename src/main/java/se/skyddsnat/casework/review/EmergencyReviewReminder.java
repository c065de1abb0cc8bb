package se.skyddsnat.casework.review;

import java.time.LocalDate;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import se.skyddsnat.casework.Reminder;
import se.skyddsnat.casework.ReminderSource;

/**
 * On a manager's start page: "Nödåtkomst att granska: 2", until each emergency access is
 * reviewed.
 */
@Component
@RequiredArgsConstructor
class EmergencyReviewReminder implements ReminderSource {

	static final String LINK = "/casework/review/emergency";

	private final EmergencyReviews reviews;

	@Override
	public List<Reminder> forCurrentUser(LocalDate today) {
		long waiting = reviews.unreviewedForCurrentUser();
		return waiting == 0 ? List.of()
				: List.of(new Reminder("review.emergency.reminder", new Object[] { waiting }, LINK, null));
	}

}
