package se.skyddsnat.region;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.audit.AuditSubject;

/**
 * Notices to non-joined municipalities, for the COORDINATOR role. Created in the transaction that
 * records the shift (a synchronous listener), so a shift and its notices are stored together or not at all.
 */
@Service
public class Notices {

    /** How many of a municipality's notices are open (not yet informed) and closed. */
    public record Counts(long open, long closed) {
    }

    private static final RowMapper<Notice> NOTICE = (rs, n) -> new Notice(rs.getLong("id"), rs.getLong("shift_id"),
            rs.getObject("shift_date", LocalDate.class), MunicipalityCode.of(rs.getString("municipality")),
            rs.getString("name"), rs.getInt("exposed"), rs.getInt("buyers"), rs.getInt("other"),
            rs.getObject("informed_on", LocalDate.class), rs.getString("informed_how"), rs.getBoolean("historical"));

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Notices(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(NonJoinedResidentsMet event) {
        jdbc.sql("""
                INSERT INTO region.notices (shift_id, shift_date, municipality, exposed, buyers, other,
                                            informed_on, informed_how, closed_by, historical)
                VALUES (:shift, :date, :m, :e, :b, :o, :on, :how, :by, :historical)
                ON CONFLICT (shift_id, municipality) DO NOTHING""")
                .param("shift", event.shiftId()).param("date", event.date()).param("m", event.municipality().value())
                .param("e", event.exposed()).param("b", event.buyers()).param("o", event.other())
                .param("on", event.historical() ? event.date() : null)
                .param("how", event.historical() ? "historical import" : null)
                .param("by", event.historical() ? "system" : null)
                .param("historical", event.historical())
                .update();
    }

    /** Open notices, oldest first, for the project leader's start page. */
    public List<Notice> open() {
        if (!mayHandle()) {
            return List.of();
        }
        return jdbc.sql(select("WHERE n.informed_on IS NULL ORDER BY n.shift_date, n.id")).query(NOTICE).list();
    }

    /** Every notice (open and closed), newest first. */
    public List<Notice> all(MunicipalityCode municipality) {
        requireHandler();
        var where = municipality == null ? "" : "WHERE n.municipality = :m ";
        var spec = jdbc.sql(select(where + "ORDER BY n.shift_date DESC, n.id DESC"));
        if (municipality != null) {
            spec = spec.param("m", municipality.value());
        }
        return spec.query(NOTICE).list();
    }

    /**
     * Open and closed notices per municipality; municipalities without notices are absent. Counts carry no
     * identities, so COORDINATOR, ADMIN, MANAGER and ANALYST may read them.
     */
    public Map<MunicipalityCode, Counts> countsByMunicipality() {
        requireCountReader();
        var counts = new TreeMap<MunicipalityCode, Counts>();
        jdbc.sql("""
                SELECT municipality, count(*) FILTER (WHERE informed_on IS NULL) AS open,
                       count(*) FILTER (WHERE informed_on IS NOT NULL) AS closed
                  FROM region.notices GROUP BY municipality""")
                .query(rs -> {
                    counts.put(MunicipalityCode.of(rs.getString("municipality")),
                            new Counts(rs.getLong("open"), rs.getLong("closed")));
                });
        return Collections.unmodifiableMap(counts);
    }

    /**
     * Open and closed notices per municipality for shifts in a period (both dates inclusive, by the shift's
     * date); municipalities without notices in the period are absent. The same roles as
     * {@link #countsByMunicipality()}.
     */
    public Map<MunicipalityCode, Counts> countsByMunicipality(LocalDate from, LocalDate to) {
        requireCountReader();
        se.skyddsnat.shared.DatePeriod.of(from, to);
        var counts = new TreeMap<MunicipalityCode, Counts>();
        jdbc.sql("""
                SELECT municipality, count(*) FILTER (WHERE informed_on IS NULL) AS open,
                       count(*) FILTER (WHERE informed_on IS NOT NULL) AS closed
                  FROM region.notices WHERE shift_date BETWEEN :from AND :to GROUP BY municipality""")
                .param("from", from).param("to", to)
                .query(rs -> {
                    counts.put(MunicipalityCode.of(rs.getString("municipality")),
                            new Counts(rs.getLong("open"), rs.getLong("closed")));
                });
        return Collections.unmodifiableMap(counts);
    }

    private static void requireCountReader() {
        var user = CurrentUser.require();
        if (!user.may(Permission.READ_REGIONAL_OFFER)) {
            throw new org.springframework.security.access.AccessDeniedException("No role that reads notice counts");
        }
    }

    public Optional<Notice> find(long id) {
        requireHandler();
        return jdbc.sql(select("WHERE n.id = :id")).param("id", id).query(NOTICE).optional();
    }

    /** Records how and when the municipality was informed. */
    @Transactional
    public void close(long id, LocalDate informedOn, String informedHow) {
        requireHandler();
        var in = Input.of(clock);
        in.requiredDate("informedOn", informedOn, in.past(), "notice.error.informedOn");
        String how = in.required("informedHow", informedHow, RegionLimits.NOTICE_INFORMED_HOW,
                "notice.error.informedHow");
        in.check();
        int updated = jdbc.sql("""
                UPDATE region.notices SET informed_on = ?, informed_how = ?, closed_by = ?
                 WHERE id = ? AND informed_on IS NULL""")
                .params(informedOn, how, CurrentUser.require().username(), id).update();
        if (updated == 0) {
            throw InvalidInput.of("id", "notice.error.notOpen");
        }
        audit.record(AuditEvent.of(AuditKind.CHANGE).subject(AuditSubject.NOTICE, id).details("informed"));
    }

    private static String select(String tail) {
        return "SELECT n.*, m.name FROM region.notices n JOIN region.municipalities m ON m.code = n.municipality " + tail;
    }

    private static boolean mayHandle() {
        return CurrentUser.get().map(u -> u.hasRole(Role.COORDINATOR)).orElse(false);
    }

    private static void requireHandler() {
        if (!mayHandle()) {
            throw new org.springframework.security.access.AccessDeniedException("COORDINATOR only");
        }
    }
}
