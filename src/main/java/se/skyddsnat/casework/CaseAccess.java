package se.skyddsnat.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.shared.UnitCode;

/**
 * Need to know, in one place. A user sees the cases of their units, cases shared with their units by an
 * accepted referral, and — for a limited time after stating a reason — the cases of a person they opened
 * with emergency access. A person is visible through the registering unit or a visible case. Everything
 * else does not exist for the user: 404, never 403, and never a search hit. ANALYST sees no personal data;
 * ADMIN only as a member of the unit.
 */
@Component
class CaseAccess {

    /** SQL condition on a case aliased {@code c}; parameters :units (text[]), :user, :now. */
    static final String VISIBLE_CASE = """
            (c.unit_code = ANY(:units)
             OR EXISTS (SELECT 1 FROM casework.case_shares s WHERE s.case_id = c.id AND s.unit_code = ANY(:units))
             OR EXISTS (SELECT 1 FROM casework.case_people ecp JOIN casework.emergency_access ea ON ea.person_id = ecp.person_id
                         WHERE ecp.case_id = c.id AND ea.username = :user AND ea.expires_at > :now))""";

    /** SQL condition on a person aliased {@code p}. */
    static final String VISIBLE_PERSON = """
            (p.unit_code = ANY(:units)
             OR EXISTS (SELECT 1 FROM casework.emergency_access ea WHERE ea.person_id = p.id AND ea.username = :user
                         AND ea.expires_at > :now)
             OR EXISTS (SELECT 1 FROM casework.case_people vcp JOIN casework.cases c ON c.id = vcp.case_id
                         WHERE vcp.person_id = p.id AND """ + VISIBLE_CASE + "))";

    /** The current user's scope for the SQL conditions. */
    record Scope(CurrentUser user, String[] units, Timestamp now) {
        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            return spec.param("units", units).param("user", user.username()).param("now", now);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseAccess(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The user's scope; refused for users who may not see personal data at all. */
    Scope scope() {
        CurrentUser user = CurrentUser.require();
        boolean caseRole = user.hasRole(Role.CASEWORKER) || user.hasRole(Role.MANAGER)
                || user.hasRole(Role.COORDINATOR) || user.hasRole(Role.ADMIN);
        if (!caseRole) {
            throw new AccessDeniedException("No role that reads personal data");
        }
        return new Scope(user, user.units().stream().map(UnitCode::value).toArray(String[]::new),
                Timestamp.from(Instant.now(clock)));
    }

    boolean caseVisible(Scope scope, long caseId) {
        return scope.bind(jdbc.sql("SELECT count(*) FROM casework.cases c WHERE c.id = :id AND " + VISIBLE_CASE))
                .param("id", caseId).query(Long.class).single() > 0;
    }

    boolean personVisible(Scope scope, long personId) {
        return scope.bind(jdbc.sql("SELECT count(*) FROM casework.persons p WHERE p.id = :id AND " + VISIBLE_PERSON))
                .param("id", personId).query(Long.class).single() > 0;
    }

    /** Whether the user works in the case's own unit (not only through a share or emergency access). */
    boolean inOwnUnit(Scope scope, UnitCode unit) {
        return scope.user().belongsTo(unit);
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
