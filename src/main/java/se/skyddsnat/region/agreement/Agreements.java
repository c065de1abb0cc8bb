package se.skyddsnat.region.agreement;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.region.RegionLimits;
import se.skyddsnat.region.RegionalOfferStatus;

/**
 * Agreement history per municipality: who had joined the regional offer when, and for which services.
 * Everyone may read it (it is about municipalities, not people); COORDINATOR and ADMIN record new, ended
 * and changed agreements, audited. Periods of one municipality never overlap.
 */
@Service
public class Agreements {

    private static final RowMapper<Agreement> ROW = (rs, n) -> new Agreement(rs.getLong("id"),
            MunicipalityCode.of(rs.getString("municipality")), rs.getObject("starts_on", LocalDate.class),
            rs.getObject("known_from", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
            services(rs.getArray("services")), rs.getString("note"), rs.getString("recorded_by"));

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final java.time.Clock clock;

    Agreements(JdbcClient jdbc, AuditLog audit, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The municipality's agreements, oldest first. */
    public List<Agreement> history(MunicipalityCode code) {
        return jdbc.sql("SELECT * FROM region.agreements WHERE municipality = ? ORDER BY coalesce(starts_on, known_from), id")
                .param(code.value()).query(ROW).list();
    }

    /** Every agreement, for pages that show all municipalities at once (one query, not one per row). */
    public List<Agreement> all() {
        return jdbc.sql("SELECT * FROM region.agreements ORDER BY municipality, coalesce(starts_on, known_from), id")
                .query(ROW).list();
    }

    /** Records a new agreement from {@code startsOn}; {@code endsOn} may be given for a fixed term. */
    @Transactional
    public long start(MunicipalityCode code, LocalDate startsOn, LocalDate endsOn, Set<OfferService> services,
            String note) {
        requireChanger();
        lock(code);
        var in = Input.of(clock);
        in.requiredDate("startsOn", startsOn, in.anyDate(), "agreement.error.startsOn");
        in.date("endsOn", endsOn, in.anyDate(), "agreement.error.endsOn");
        if (services == null || services.isEmpty()) {
            in.reject("services", "agreement.error.services");
        }
        if (in.ok() && endsOn != null && endsOn.isBefore(startsOn)) {
            in.reject("endsOn", "agreement.error.endsBeforeStart");
        }
        String text = in.text("note", note, RegionLimits.AGREEMENT_NOTE.max(), "agreement.error.note");
        if (in.ok()) {
            overlap(code, startsOn, endsOn, null).ifPresent(a -> in.reject("startsOn",
                    "agreement.error.overlap", a.firstKnownDay(), a.endsOn() == null ? "–" : a.endsOn()));
        }
        in.check();
        long id = jdbc.sql("""
                INSERT INTO region.agreements (municipality, starts_on, ends_on, services, note, recorded_by)
                VALUES (?, ?, ?, ?::varchar(16)[], ?, ?) RETURNING id""")
                .params(code.value(), startsOn, endsOn, array(services), text,
                        CurrentUser.require().username())
                .query(Long.class).single();
        audit.change(AuditSubject.AGREEMENT, id, "started " + code + " " + startsOn + " services "
                + services.stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        return id;
    }

    /** Ends an open agreement: {@code endsOn} is its last day in force (may lie ahead: a notice of termination). */
    @Transactional
    public void end(long agreementId, LocalDate endsOn) {
        requireChanger();
        Agreement agreement = find(agreementId);
        lock(agreement.municipality());
        if (!agreement.open()) {
            throw InvalidInput.of("endsOn", "agreement.error.notOpen");
        }
        var in = Input.of(clock);
        in.requiredDate("endsOn", endsOn, in.anyDate(), "agreement.error.endsOn");
        in.check();
        if (endsOn.isBefore(agreement.firstKnownDay())) {
            throw InvalidInput.of("endsOn", "agreement.error.endsBeforeStart");
        }
        jdbc.sql("UPDATE region.agreements SET ends_on = ? WHERE id = ?").params(endsOn, agreementId).update();
        audit.change(AuditSubject.AGREEMENT, agreementId, "ended " + agreement.municipality() + " " + endsOn);
    }

    /**
     * A change of services from a date: the open agreement ends the day before and a new one with the new
     * services starts on the date, so the history shows what applied when.
     */
    @Transactional
    public long changeServices(MunicipalityCode code, LocalDate from, Set<OfferService> services) {
        requireChanger();
        lock(code);
        Agreement open = history(code).stream().filter(Agreement::open).findFirst()
                .orElseThrow(() -> InvalidInput.of("from", "agreement.error.noOpen"));
        var in = Input.of(clock);
        in.requiredDate("from", from, in.anyDate(), "agreement.error.changeFrom",
                open.firstKnownDay());
        in.check();
        if (!from.isAfter(open.firstKnownDay())) {
            throw InvalidInput.of("from", "agreement.error.changeFrom", open.firstKnownDay());
        }
        if (services == null || services.isEmpty()) {
            throw InvalidInput.of("services", "agreement.error.services");
        }
        end(open.id(), from.minusDays(1));
        return start(code, from, null, services, null);
    }

    Agreement find(long id) {
        return jdbc.sql("SELECT * FROM region.agreements WHERE id = ?").param(id).query(ROW).optional()
                .orElseThrow(() -> InvalidInput.of("id", "agreement.error.missing"));
    }

    private java.util.Optional<Agreement> overlap(MunicipalityCode code, LocalDate from, LocalDate to, Long except) {
        return history(code).stream().filter(a -> except == null || a.id() != except)
                .filter(a -> (a.endsOn() == null || !a.endsOn().isBefore(from))
                        && (to == null || !to.isBefore(a.firstKnownDay())))
                .findFirst();
    }

    /** Serialises changes per municipality (no overlapping periods from two simultaneous saves). */
    private void lock(MunicipalityCode code) {
        String status = jdbc.sql("SELECT regional_offer_2022 FROM region.municipalities WHERE code = ? FOR UPDATE")
                .param(code.value()).query(String.class).optional()
                .orElseThrow(() -> InvalidInput.of("municipality", "agreement.error.municipality"));
        if (RegionalOfferStatus.parse(status) == RegionalOfferStatus.HOST) {
            throw InvalidInput.of("municipality", "agreement.error.host");
        }
    }

    public static void requireChanger() {
        CurrentUser user = CurrentUser.require();
        if (!user.may(Permission.MANAGE_REGIONAL_OFFER)) {
            throw new AccessDeniedException("Agreements are changed by COORDINATOR or ADMIN");
        }
    }

    private static String array(Set<OfferService> services) {
        return services.stream().map(Enum::name).sorted().collect(Collectors.joining(",", "{", "}"));
    }

    private static Set<OfferService> services(Array array) throws SQLException {
        var set = EnumSet.noneOf(OfferService.class);
        for (Object o : (Object[]) array.getArray()) {
            set.add(OfferService.valueOf((String) o));
        }
        return set;
    }
}
