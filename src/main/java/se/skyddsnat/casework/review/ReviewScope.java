package se.skyddsnat.casework.review;

import org.springframework.security.access.AccessDeniedException;

import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.identity.Permission;
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
    static final ReadPurpose PURPOSE = ReadPurpose.ACCESS_LOG_REVIEW;

    /**
     * SQL condition on a case aliased {@code c}: a case of the units, or one their staff could read through a handover
     * (a referral to them that was accepted, open or since closed); parameter :units (text[]).
     */
    static final String UNIT_CASE = """
            (c.unit_code = ANY(:units)
             OR EXISTS (SELECT 1 FROM casework.referrals ur WHERE ur.case_id = c.id AND ur.to_unit = ANY(:units)
                         AND ur.state IN ('accepted', 'closed') AND ur.answered_at IS NOT NULL))""";

    /**
     * SQL condition on a person aliased {@code p}: registered in the units, in a case of them, or named in a handover
     * accepted by them.
     */
    static final String UNIT_PERSON = """
            (p.unit_code = ANY(:units)
             OR EXISTS (SELECT 1 FROM casework.case_people ucp JOIN casework.cases c ON c.id = ucp.case_id
                         WHERE ucp.person_id = p.id AND c.unit_code = ANY(:units))
             OR EXISTS (SELECT 1 FROM casework.referral_people urp JOIN casework.referrals ur ON ur.id = urp.referral_id
                         WHERE urp.person_id = p.id AND ur.to_unit = ANY(:units)
                           AND ur.state IN ('accepted', 'closed') AND ur.answered_at IS NOT NULL))""";

    private ReviewScope() {
    }

    /** The current user, who must be a MANAGER or an ADMIN. */
    static CurrentUser reviewer() {
        CurrentUser user = CurrentUser.require();
        if (!user.may(Permission.REVIEW_ACCESS_LOG)) {
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
