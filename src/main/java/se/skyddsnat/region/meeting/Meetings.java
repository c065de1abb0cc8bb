package se.skyddsnat.region.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.RegionLimits;

/**
 * Meetings of the regional offer's steering group and preparation group. COORDINATOR and ADMIN record
 * them; MANAGER and ANALYST read. Each year shows whether the steering group met the agreement's minimum.
 */
@Service
public class Meetings {

    public static final int MAX_DECISIONS = RegionLimits.MEETING_DECISIONS.max();


    private final JdbcClient jdbc;
    private final Municipalities municipalities;
    private final AuditLog audit;
    private final Clock clock;

    Meetings(JdbcClient jdbc, Municipalities municipalities, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.municipalities = municipalities;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every year from the first recorded meeting (or this year) to this year, newest first, empty years included. */
    public List<MeetingYear> years() {
        CurrentUser.require(Permission.READ_REGIONAL_OFFER);
        int thisYear = LocalDate.now(clock).getYear();
        // bounded below: a date stored before dates were checked (year 0, -infinity) must not list thousands of years
        int first = jdbc.sql("""
                SELECT coalesce(greatest(extract(year FROM min(held_on)), 1900)::int, ?) FROM region.meetings""")
                .param(thisYear).query(Integer.class).single();
        int from = Math.min(first, thisYear);
        var byYear = new HashMap<Integer, List<Meeting>>();
        for (Meeting m : meetings(LocalDate.of(from, 1, 1), LocalDate.of(thisYear, 12, 31))) {
            byYear.computeIfAbsent(m.date().getYear(), y -> new ArrayList<>()).add(m);
        }
        var years = new ArrayList<MeetingYear>();
        for (int year = thisYear; year >= from; year--) {
            years.add(new MeetingYear(year, year == thisYear, byYear.getOrDefault(year, List.of())));
        }
        return years;
    }

    /** One year's meetings, newest first. */
    public MeetingYear year(int year) {
        CurrentUser.require(Permission.READ_REGIONAL_OFFER);
        return new MeetingYear(year, year == LocalDate.now(clock).getYear(),
                meetings(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
    }

    /** Whether the current user may record meetings (COORDINATOR or ADMIN). */
    public boolean mayRecord() {
        return CurrentUser.get().map(u -> u.may(Permission.MANAGE_REGIONAL_OFFER)).orElse(false);
    }

    /**
     * Records a meeting that has been held. A null date or kind, or a null element among the
     * municipalities, is input that was missing or unreadable. Fields in errors: date, kind,
     * municipalities, decisions. One meeting of each kind a day.
     */
    @Transactional
    public long record(LocalDate date, MeetingKind kind, List<MunicipalityCode> participants, String decisions) {
        CurrentUser.require(Permission.MANAGE_REGIONAL_OFFER);
        var in = Input.of(clock);
        in.requiredDate("date", date, in.past(), "meeting.error.date");
        if (!in.failed("date") && kind != null && jdbc.sql("SELECT count(*) FROM region.meetings WHERE held_on = ? AND kind = ?")
                .params(date, kind.code()).query(Long.class).single() > 0) {
            in.reject("date", "meeting.error.duplicate." + kind.code(), date.toString());
        }
        if (kind == null) {
            in.reject("kind", "meeting.error.kind");
        }
        var codes = participants == null ? List.<MunicipalityCode>of() : participants;
        if (codes.stream().anyMatch(c -> c == null || municipalities.find(c).isEmpty())) {
            in.reject("municipalities", "meeting.error.municipalities");
        }
        String text = in.text("decisions", decisions, MAX_DECISIONS, "meeting.error.decisions");
        in.check();
        long id = jdbc.sql("""
                INSERT INTO region.meetings (held_on, kind, decisions, recorded_by) VALUES (?, ?, ?, ?) RETURNING id""")
                .params(date, kind.code(), text, CurrentUser.require().username()).query(Long.class).single();
        for (MunicipalityCode code : new LinkedHashSet<>(codes)) {
            jdbc.sql("INSERT INTO region.meeting_municipalities (meeting_id, municipality) VALUES (?, ?)")
                    .params(id, code.value()).update();
        }
        audit.change(AuditSubject.MEETING, id, kind.code() + " meeting recorded");
        return id;
    }

    private List<Meeting> meetings(LocalDate from, LocalDate to) {
        Map<Long, List<Meeting.Participant>> participants = new HashMap<>();
        jdbc.sql("""
                SELECT mm.meeting_id, m.code, m.name
                  FROM region.meetings mt
                  JOIN region.meeting_municipalities mm ON mm.meeting_id = mt.id
                  JOIN region.municipalities m ON m.code = mm.municipality
                 WHERE mt.held_on BETWEEN :from AND :to
                 ORDER BY m.name""")
                .param("from", from).param("to", to)
                .query(rs -> {
                    participants.computeIfAbsent(rs.getLong("meeting_id"), id -> new ArrayList<>())
                            .add(new Meeting.Participant(MunicipalityCode.of(rs.getString("code")), rs.getString("name")));
                });
        return jdbc.sql("""
                SELECT id, held_on, kind, decisions FROM region.meetings
                 WHERE held_on BETWEEN :from AND :to ORDER BY held_on DESC, kind""")
                .param("from", from).param("to", to)
                .query((rs, n) -> new Meeting(rs.getLong("id"), rs.getObject("held_on", LocalDate.class),
                        MeetingKind.parse(rs.getString("kind")).orElseThrow(),
                        participants.getOrDefault(rs.getLong("id"), List.of()), rs.getString("decisions")))
                .list();
    }

}
