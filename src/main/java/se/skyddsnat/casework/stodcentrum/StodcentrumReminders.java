package se.skyddsnat.casework.stodcentrum;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import se.skyddsnat.casework.Reminder;
import se.skyddsnat.casework.ReminderSource;
import se.skyddsnat.casework.core.CaseworkProperties;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.shared.UnitCode;

/**
 * The start-page reminder for the units' open Stödcentrum cases that have reached their support-talk limit without
 * a choice of how to go on; due the day the last talk was signed. Only the case number is shown.
 */
@Component
class StodcentrumReminders implements ReminderSource {

    private final StodcentrumStore store;
    private final CaseworkProperties properties;

    StodcentrumReminders(StodcentrumStore store, CaseworkProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    @Override
    public List<Reminder> forCurrentUser(LocalDate today) {
        var user = CurrentUser.get().orElse(null);
        if (user == null || user.units().isEmpty() || !user.may(Permission.CASE_WORK)) {
            return List.of();
        }
        return store.choicesDue(user.units().stream().map(UnitCode::value).toArray(String[]::new),
                properties.stodcentrumTalks());
    }
}
