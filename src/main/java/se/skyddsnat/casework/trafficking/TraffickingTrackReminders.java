package se.skyddsnat.casework.trafficking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.casework.Reminder;
import se.skyddsnat.casework.ReminderSource;
import se.skyddsnat.casework.core.CaseAccess;
import se.skyddsnat.casework.core.PersonLabels;
import se.skyddsnat.casework.core.CaseworkProperties;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.shared.UnitCode;

/**
 * The trafficking track's reminders for the users of the case's own unit:
 * <ul>
 * <li>a granted permit ends: from {@code permitReminderDays} days before its last valid
 * day up to and including that day, for open cases, unless a newer application (pending
 * or granted) has been recorded since;</li>
 * <li>the follow-up after a return through IOM's programme ends ({@code returnFollowUp}
 * after the return): from that day on until it is marked done, whether or not the case
 * has been closed meanwhile.</li>
 * </ul>
 * Each reminder shown is a read of the case, audited with the purpose "reminder".
 */
@Component
@RequiredArgsConstructor
class TraffickingTrackReminders implements ReminderSource {

	private final TraffickingTrackStore store;

	private final CaseworkProperties properties;

	private final AuditLog audit;

	private final PersonLabels labels;

	private final CaseAccess access;

	@Override
	@Transactional
	public List<Reminder> forCurrentUser(LocalDate today) {
		var user = CurrentUser.get().orElse(null);
		if (user == null || user.units().isEmpty() || !user.may(Permission.READ_PERSONAL_DATA)) {
			return List.of();
		}
		String[] units = user.units().stream().map(UnitCode::value).toArray(String[]::new);
		var reminders = new ArrayList<Reminder>(
				store.permitsEnding(units, today, today.plusDays(properties.permitReminderDays())));
		reminders.addAll(store.followUpsDue(units, today, properties.returnFollowUp()));
		audit.readAll(AuditSubject.CASE, reminders.stream().map(r -> String.valueOf(r.args()[0])).distinct().toList(),
				ReadPurpose.REMINDER);
		return labels.naming(access.scope(), reminders, r -> Long.valueOf(String.valueOf(r.args()[0])));
	}

}
