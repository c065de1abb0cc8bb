package se.skyddsnat.casework;

import org.springframework.security.access.AccessDeniedException;

import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.shared.UnitCode;

/**
 * Who may review the access log, and of which records. A MANAGER reviews the records of the manager's units:
 * people registered in them or in a case of them (own or shared by an accepted referral), and those cases — not
 * what the manager happens to see through their own emergency access. ADMIN, who manages the system, reviews
 * every record's log but not its content.
 */
final class ReviewScope {

    /** The purpose of every read that a review makes. */
    static final String PURPOSE = "access-log review";

    /** SQL condition on a case aliased {@code c}: a case of, or shared with, the units; parameter :units (text[]). */
    static final String UNIT_CASE = """
            (c.unit_code = ANY(:units)
             OR EXISTS (SELECT 1 FROM casework.case_shares s WHERE s.case_id = c.id AND s.unit_code = ANY(:units)))""";

    /** SQL condition on a person aliased {@code p}: registered in the units or in a case of them. */
    static final String UNIT_PERSON = """
            (p.unit_code = ANY(:units)
             OR EXISTS (SELECT 1 FROM casework.case_people ucp JOIN casework.cases c ON c.id = ucp.case_id
                         WHERE ucp.person_id = p.id AND """ + UNIT_CASE + "))";

    private ReviewScope() {
    }

    /** The current user, who must be a MANAGER or an ADMIN. */
    static CurrentUser reviewer() {
        CurrentUser user = CurrentUser.require();
        if (!user.hasRole(Role.MANAGER) && !user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("Access-log review is for managers and administrators");
        }
        return user;
    }

    /** The current user, who must be a MANAGER: emergency accesses are reviewed by the units' managers. */
    static CurrentUser manager() {
        CurrentUser user = CurrentUser.require();
        if (!user.hasRole(Role.MANAGER)) {
            throw new AccessDeniedException("Emergency accesses are reviewed by managers");
        }
        return user;
    }

    /** The units whose records a manager reviews; none for a user who is not a MANAGER. */
    static String[] units(CurrentUser user) {
        return user.hasRole(Role.MANAGER) ? user.units().stream().map(UnitCode::value).toArray(String[]::new)
                : new String[0];
    }
}
