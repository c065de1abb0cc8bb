package se.skyddsnat.casework.stodcentrum;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.skyddsnat.identity.Permission;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.shared.UnitCode;
import se.skyddsnat.casework.Reminder;
import se.skyddsnat.casework.ReminderSource;
import se.skyddsnat.casework.core.CaseworkProperties;

/**
 * The start-page reminder for the units' open Stödcentrum cases that have reached their support-talk limit without
 * a choice of how to go on; due the day the last talk was signed. Only the case number is shown.
 */
@Component
class StodcentrumReminders implements ReminderSource {


    private final JdbcClient jdbc;
    private final CaseworkProperties properties;
    private final Clock clock;

    StodcentrumReminders(JdbcClient jdbc, CaseworkProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public List<Reminder> forCurrentUser(LocalDate today) {
        var user = CurrentUser.get().orElse(null);
        if (user == null || user.units().isEmpty() || !user.may(Permission.CASE_WORK)) {
            return List.of();
        }
        int limit = properties.stodcentrumTalks();
        return jdbc.sql("""
                WITH talks AS (
                    SELECT j.case_id, j.signed_at,
                           row_number() OVER (PARTITION BY j.case_id ORDER BY j.signed_at, j.id) AS n
                      FROM casework.journal_entries j JOIN casework.cases c ON c.id = j.case_id
                     WHERE c.kind = 'stodcentrum_support' AND c.status = 'open' AND c.unit_code = ANY (:units)
                       AND NOT EXISTS (SELECT 1 FROM casework.stodcentrum_decisions d WHERE d.case_id = c.id)
                       AND\s""" + Stodcentrum.CURRENT_TALK + """
                )
                SELECT case_id, signed_at FROM talks WHERE n = :limit ORDER BY signed_at, case_id""")
                .param("units", user.units().stream().map(UnitCode::value).toArray(String[]::new))
                .param("limit", limit)
                .query((rs, n) -> new Reminder("stodcentrum.reminder", new Object[] { rs.getLong("case_id"), limit },
                        "/cases/" + rs.getLong("case_id") + "#stodcentrum",
                        rs.getTimestamp("signed_at").toInstant().atZone(clock.getZone()).toLocalDate()))
                .list();
    }
}
