package se.skyddsnat.casework.review;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.UnitCode;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.casework.core.CaseAccess;
import se.skyddsnat.casework.core.CaseworkLimits;

/**
 * The managers' review of emergency accesses (nödåtkomst): every access to a person of the manager's units by
 * someone who stated a reason, unreviewed first, until a manager — not the one who used it — marks it reviewed.
 * The reason may hold personal data, so showing a grant is an audited read of its person.
 */
@Service
class EmergencyReviews {

    /** One emergency access as a manager reviews it. */
    record Grant(long id, long personId, UnitCode personUnit, String username, String reason, Instant grantedAt,
            Instant expiresAt, String reviewedBy, Instant reviewedAt, String reviewNote) {

        public boolean reviewed() {
            return reviewedAt != null;
        }

        public boolean activeAt(Instant now) {
            return expiresAt.isAfter(now);
        }
    }

    /** How many reviewed grants the list shows below the unreviewed ones. */
    static final int REVIEWED_SHOWN = 100;

    private static final RowMapper<Grant> GRANT = (rs, n) -> new Grant(rs.getLong("id"), rs.getLong("person_id"),
            UnitCode.of(rs.getString("unit_code")), rs.getString("username"), rs.getString("reason"),
            instant(rs.getObject("granted_at", OffsetDateTime.class)),
            instant(rs.getObject("expires_at", OffsetDateTime.class)), rs.getString("reviewed_by"),
            instant(rs.getObject("reviewed_at", OffsetDateTime.class)), rs.getString("review_note"));

    private static final String SELECT = """
            SELECT ea.*, p.unit_code FROM casework.emergency_access ea JOIN casework.persons p ON p.id = ea.person_id
            """;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    EmergencyReviews(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The emergency accesses to people of the current manager's units: all unreviewed ones (oldest first), then
     * the latest reviewed. Each person shown is audited as read for the access-log review.
     */
    @Transactional
    public List<Grant> forCurrentManager() {
        String[] units = ReviewScope.units(ReviewScope.manager());
        var grants = new ArrayList<Grant>(jdbc.sql(SELECT + " WHERE ea.reviewed_at IS NULL AND " + ReviewScope.UNIT_PERSON
                + " ORDER BY ea.granted_at, ea.id").param("units", units).query(GRANT).list());
        grants.addAll(jdbc.sql(SELECT + " WHERE ea.reviewed_at IS NOT NULL AND " + ReviewScope.UNIT_PERSON
                + " ORDER BY ea.reviewed_at DESC, ea.id DESC LIMIT :limit").param("units", units)
                .param("limit", REVIEWED_SHOWN).query(GRANT).list());
        audit.readAll(AuditSubject.PERSON, grants.stream().map(Grant::personId).distinct().map(String::valueOf).toList(),
                ReviewScope.PURPOSE);
        return grants;
    }

    /** Marks an emergency access reviewed, with an optional note; audited. Another manager's grant only. */
    @Transactional
    public Grant markReviewed(long id, String note) {
        CurrentUser manager = ReviewScope.manager();
        Grant grant = jdbc.sql(SELECT + " WHERE ea.id = :id AND " + ReviewScope.UNIT_PERSON).param("id", id)
                .param("units", ReviewScope.units(manager)).query(GRANT).optional()
                .orElseThrow(CaseAccess::notFound);
        var in = Input.of(clock);
        String text = in.text("note", note, CaseworkLimits.EMERGENCY_REVIEW_NOTE.max(), "review.emergency.error.note");
        if (grant.username().equals(manager.username())) {
            in.reject("note", "review.emergency.error.own");
        }
        if (grant.reviewed()) {
            in.reject("note", "review.emergency.error.reviewed");
        }
        in.check();
        int updated = jdbc.sql("""
                UPDATE casework.emergency_access SET reviewed_by = ?, reviewed_at = ?, review_note = ?
                 WHERE id = ? AND reviewed_at IS NULL""")
                .params(manager.username(), OffsetDateTime.ofInstant(Instant.now(clock), clock.getZone()), text, id)
                .update();
        if (updated == 0) {
            throw InvalidInput.of("note", "review.emergency.error.reviewed");
        }
        audit.change(AuditSubject.EMERGENCY_ACCESS, id,
                "reviewed, person " + grant.personId() + (text == null ? "" : ", with a note"));
        return jdbc.sql(SELECT + " WHERE ea.id = ?").param(id).query(GRANT).single();
    }

    /** The emergency accesses to one person, newest first; the caller has checked that the user may review them. */
    List<Grant> ofPerson(long personId) {
        return jdbc.sql(SELECT + " WHERE ea.person_id = ? ORDER BY ea.granted_at DESC, ea.id DESC").param(personId)
                .query(GRANT).list();
    }

    /** How many emergency accesses to the current manager's units wait for review by this manager (a count only). */
    long unreviewedForCurrentUser() {
        var user = CurrentUser.get().filter(u -> u.hasRole(Role.MANAGER) && !u.units().isEmpty()).orElse(null);
        if (user == null) {
            return 0;
        }
        return jdbc.sql("SELECT count(*) FROM casework.emergency_access ea JOIN casework.persons p ON p.id = ea.person_id"
                + " WHERE ea.reviewed_at IS NULL AND ea.username <> :user AND " + ReviewScope.UNIT_PERSON)
                .param("user", user.username()).param("units", ReviewScope.units(user)).query(Long.class).single();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
