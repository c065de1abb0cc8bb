package se.skyddsnat.casework.stodcentrum;

import java.time.LocalDate;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.casework.core.CaseAccess;
import se.skyddsnat.casework.core.PersonLabels;

import org.springframework.stereotype.Component;

import se.skyddsnat.casework.Reminder;
import se.skyddsnat.casework.ReminderSource;
import se.skyddsnat.casework.core.CaseworkProperties;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.shared.UnitCode;

/**
 * The start-page reminder for the units' open Stödcentrum cases that have reached their
 * support-talk limit without a choice of how to go on; due the day the last talk was
 * signed. Only the case number is shown.
 */
@Component
@RequiredArgsConstructor
class StodcentrumReminders implements ReminderSource {

	private final StodcentrumStore store;

	private final CaseworkProperties properties;

	private final PersonLabels labels;

	private final CaseAccess access;

	private final AuditLog audit;

	/**
	 * The reminders name the case by its person, so each shown is a read of the case,
	 * audited as "reminder".
	 */
	@Override
	@Transactional
	public List<Reminder> forCurrentUser(LocalDate today) {
		var user = CurrentUser.get().orElse(null);
		if (user == null || user.units().isEmpty() || !user.may(Permission.CASE_WORK)) {
			return List.of();
		}
		List<Reminder> due = store.choicesDue(user.units().stream().map(UnitCode::value).toArray(String[]::new),
				properties.stodcentrumTalks());
		audit.readAll(AuditSubject.CASE, due.stream().map(r -> String.valueOf(r.args()[0])).distinct().toList(),
				ReadPurpose.REMINDER);
		return labels.naming(access.scope(), due, r -> ((Number) r.args()[0]).longValue());
	}

}
