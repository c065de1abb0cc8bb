package se.skyddsnat.casework.referral;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import se.skyddsnat.casework.Reminder;
import se.skyddsnat.casework.ReminderSource;

/**
 * "Inkommande överlämning": every internal referral sent to the user's units and not yet
 * answered, on the start page of the units' caseworkers and managers until someone
 * accepts or declines it. Names only the referral and the sending unit — no personal
 * data.
 */
@Component
@RequiredArgsConstructor
class ReferralReminders implements ReminderSource {

	private final Referrals referrals;

	private final java.time.Clock clock;

	@Override
	public List<Reminder> forCurrentUser(LocalDate today) {
		ZoneId zone = clock.getZone();
		return referrals.awaitingAnswer()
			.stream()
			.map(r -> new Reminder("referral.reminder.incoming",
					new Object[] { r.id(), r.fromUnit().value(), r.sentAt().atZone(zone).toLocalDate() },
					"/referrals/" + r.id(), null))
			.toList();
	}

}
