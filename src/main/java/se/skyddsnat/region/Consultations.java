package se.skyddsnat.region;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.region.consultation.Consultation;
import se.skyddsnat.region.consultation.ConsultationChannel;
import se.skyddsnat.region.consultation.ConsultationTopic;

/**
 * Consultations in individual cases that the units give to professionals of the municipalities (part
 * of the regional offer). Staff log them for their own units; coordinators, managers, analysts and
 * administrators see all of them, a caseworker those of their units. No client data is ever stored.
 */
@Service
public class Consultations {

    public static final int MAX_MINUTES = 600;


    private static final RowMapper<Consultation> ROW = (rs, n) -> new Consultation(rs.getLong("id"),
            rs.getObject("consulted_on", LocalDate.class), MunicipalityCode.of(rs.getString("municipality")),
            rs.getString("name"), UnitCode.of(rs.getString("unit")),
            ConsultationChannel.parse(rs.getString("channel")).orElseThrow(),
            ConsultationTopic.parse(rs.getString("topic")).orElseThrow(), rs.getInt("minutes"));

    private final JdbcClient jdbc;
    private final Municipalities municipalities;
    private final AuditLog audit;
    private final Clock clock;

    Consultations(JdbcClient jdbc, Municipalities municipalities, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.municipalities = municipalities;
        this.audit = audit;
        this.clock = clock;
    }

    /** The units the current user may log consultations for; empty when they may not log any. */
    public List<UnitCode> unitsForLogging() {
        var user = CurrentUser.require();
        return user.may(Permission.LOG_CONSULTATIONS) ? List.copyOf(user.units()) : List.of();
    }

    /**
     * Logs a consultation for one of the current user's units. A null argument is input that was
     * missing or unreadable and is reported on its field: date, municipality, unit, channel, topic, minutes.
     */
    @Transactional
    public long log(LocalDate date, MunicipalityCode municipality, UnitCode unit, ConsultationChannel channel,
            ConsultationTopic topic, Integer minutes) {
        var user = CurrentUser.require();
        if (!user.may(Permission.LOG_CONSULTATIONS)) {
            throw new AccessDeniedException("CASEWORKER, MANAGER or COORDINATOR only");
        }
        if (unit != null && !user.belongsTo(unit)) {
            throw new AccessDeniedException("Not a member of the unit");
        }
        var in = Input.of(clock);
        in.requiredDate("date", date, in.past(), "consultation.error.date");
        var errors = new ArrayList<InvalidInput.Violation>(in.violations());
        if (municipality == null || municipalities.find(municipality).isEmpty()) {
            errors.add(new InvalidInput.Violation("municipality", "consultation.error.municipality"));
        }
        if (unit == null) {
            errors.add(new InvalidInput.Violation("unit", "consultation.error.unit"));
        }
        if (channel == null) {
            errors.add(new InvalidInput.Violation("channel", "consultation.error.channel"));
        }
        if (topic == null) {
            errors.add(new InvalidInput.Violation("topic", "consultation.error.topic"));
        }
        if (minutes == null || minutes < 1 || minutes > MAX_MINUTES) {
            errors.add(new InvalidInput.Violation("minutes", "consultation.error.minutes", MAX_MINUTES));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        long id = jdbc.sql("""
                INSERT INTO region.consultations (consulted_on, municipality, unit, channel, topic, minutes, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(date, municipality.value(), unit.value(), channel.code(), topic.code(), minutes,
                        user.username())
                .query(Long.class).single();
        audit.change(AuditSubject.CONSULTATION, id, "logged");
        return id;
    }

    /**
     * The consultations in a period (both dates inclusive), newest first, optionally for one municipality:
     * all of them for COORDINATOR, ADMIN, MANAGER and ANALYST, those of the caller's units for a CASEWORKER.
     */
    public List<Consultation> list(LocalDate from, LocalDate to, MunicipalityCode municipality) {
        var user = CurrentUser.require();
        boolean all = user.may(Permission.READ_REGIONAL_OFFER);
        if (!all && !user.hasRole(Role.CASEWORKER)) {
            throw new AccessDeniedException("No role that reads consultations");
        }
        requirePeriod(from, to);
        if (!all && user.units().isEmpty()) {
            return List.of();
        }
        var where = new StringBuilder("WHERE c.consulted_on BETWEEN :from AND :to");
        if (municipality != null) {
            where.append(" AND c.municipality = :m");
        }
        if (!all) {
            where.append(" AND c.unit IN (:units)");
        }
        var spec = jdbc.sql("""
                SELECT c.*, m.name FROM region.consultations c JOIN region.municipalities m ON m.code = c.municipality
                """ + where + " ORDER BY c.consulted_on DESC, c.id DESC")
                .param("from", from).param("to", to);
        if (municipality != null) {
            spec = spec.param("m", municipality.value());
        }
        if (!all) {
            spec = spec.param("units", user.units().stream().map(UnitCode::value).toList());
        }
        return spec.query(ROW).list();
    }

    /**
     * The number of consultations per municipality in a period (both dates inclusive), over all units;
     * every municipality is in the map, those without consultations with 0. Any role may ask: it is an aggregate.
     */
    public Map<MunicipalityCode, Long> countByMunicipality(LocalDate from, LocalDate to) {
        if (CurrentUser.require().roles().isEmpty()) {
            throw new AccessDeniedException("No role");
        }
        requirePeriod(from, to);
        var counts = new TreeMap<MunicipalityCode, Long>();
        jdbc.sql("""
                SELECT m.code, count(c.id) AS n
                  FROM region.municipalities m
                  LEFT JOIN region.consultations c ON c.municipality = m.code AND c.consulted_on BETWEEN :from AND :to
                 GROUP BY m.code""")
                .param("from", from).param("to", to)
                .query(rs -> {
                    counts.put(MunicipalityCode.of(rs.getString("code")), rs.getLong("n"));
                });
        return Collections.unmodifiableMap(counts);
    }

    private void requirePeriod(LocalDate from, LocalDate to) {
        se.skyddsnat.shared.DatePeriod.of(from, to, LocalDate.now(clock));
    }
}
