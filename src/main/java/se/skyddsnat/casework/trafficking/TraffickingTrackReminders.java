package se.skyddsnat.casework.trafficking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.shared.UnitCode;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.casework.Reminder;
import se.skyddsnat.casework.ReminderSource;
import se.skyddsnat.casework.core.CaseworkProperties;

/**
 * The trafficking track's reminders for the users of the case's own unit:
 * <ul>
 * <li>a granted permit ends: from {@code permitReminderDays} days before its last valid day up to and including
 * that day, for open cases, unless a newer application (pending or granted) has been recorded since;</li>
 * <li>the follow-up after a return through IOM's programme ends ({@code returnFollowUp} after the return): from
 * that day on until it is marked done, whether or not the case has been closed meanwhile.</li>
 * </ul>
 * Each reminder shown is a read of the case, audited with the purpose "reminder".
 */
@Component
class TraffickingTrackReminders implements ReminderSource {

    private final JdbcClient jdbc;
    private final CaseworkProperties properties;
    private final AuditLog audit;

    TraffickingTrackReminders(JdbcClient jdbc, CaseworkProperties properties, AuditLog audit) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.audit = audit;
    }

    @Override
    @Transactional
    public List<Reminder> forCurrentUser(LocalDate today) {
        var user = CurrentUser.get().orElse(null);
        if (user == null || user.units().isEmpty() || !user.may(Permission.READ_PERSONAL_DATA)) {
            return List.of();
        }
        String[] units = user.units().stream().map(UnitCode::value).toArray(String[]::new);
        var reminders = new ArrayList<Reminder>();
        jdbc.sql("""
                SELECT p.case_id, p.kind, p.valid_until FROM casework.track_permits p
                  JOIN casework.cases c ON c.id = p.case_id
                 WHERE c.unit_code = ANY(:units) AND c.status = 'open' AND p.decision = 'granted'
                   AND p.valid_until >= :today AND p.valid_until <= :last
                   AND NOT EXISTS (SELECT 1 FROM casework.track_permits n
                                    WHERE n.case_id = p.case_id AND n.id <> p.id
                                      AND (n.decision IS NULL OR n.decision = 'granted')
                                      AND (n.applied_on, n.id) > (p.applied_on, p.id))
                 ORDER BY p.valid_until, p.case_id""")
                .param("units", units).param("today", today).param("last", today.plusDays(properties.permitReminderDays()))
                .query((rs, n) -> {
                    long caseId = rs.getLong("case_id");
                    LocalDate until = rs.getObject("valid_until", LocalDate.class);
                    return new Reminder("track.reminder.permit." + rs.getString("kind"),
                            new Object[] { String.valueOf(caseId), until.toString() }, link(caseId), until);
                }).list().forEach(reminders::add);
        // the follow-up period is a java.time.Period (months clamp at month end), so the end is computed here
        jdbc.sql("""
                SELECT r.case_id, r.return_date FROM casework.track_returns r
                  JOIN casework.cases c ON c.id = r.case_id
                 WHERE c.unit_code = ANY(:units) AND r.follow_up_done_on IS NULL AND r.return_date <= :today
                 ORDER BY r.return_date, r.case_id""")
                .param("units", units).param("today", today)
                .query((rs, n) -> {
                    long caseId = rs.getLong("case_id");
                    LocalDate ends = ReturnProgramme.followUpEnds(rs.getObject("return_date", LocalDate.class),
                            properties.returnFollowUp());
                    return new Reminder("track.reminder.returnFollowUp",
                            new Object[] { String.valueOf(caseId), ends.toString() }, link(caseId), ends);
                }).list().stream().filter(r -> !r.due().isAfter(today)).forEach(reminders::add);
        audit.readAll(AuditSubject.CASE, reminders.stream().map(r -> String.valueOf(r.args()[0])).distinct().toList(), ReadPurpose.REMINDER);
        return reminders;
    }

    private static String link(long caseId) {
        return "/cases/" + caseId + "#track";
    }
}
