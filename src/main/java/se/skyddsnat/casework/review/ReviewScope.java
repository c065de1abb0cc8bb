package se.skyddsnat.casework.review;

import org.springframework.security.access.AccessDeniedException;

import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.shared.UnitCode;

/**
 * Who may review the access log, and of which records. A MANAGER reviews the records of
 * the manager's units: people registered in them or in a case of them (own or shared by
 * an accepted referral), and those cases — not what the manager happens to see through
 * their own emergency access (the SQL is {@link ReviewStore}'s). ADMIN, who manages the
 * system, reviews every record's log but not its content.
 */
final class ReviewScope {

	/** The purpose of every read that a review makes. */
	static final ReadPurpose PURPOSE = ReadPurpose.ACCESS_LOG_REVIEW;

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

	/**
	 * The current user, who must be a MANAGER: emergency accesses are reviewed by the
	 * units' managers.
	 */
	static CurrentUser manager() {
		CurrentUser user = CurrentUser.require();
		if (!user.hasRole(Role.MANAGER)) {
			throw new AccessDeniedException("Emergency accesses are reviewed by managers");
		}
		return user;
	}

	/**
	 * The units whose records a manager reviews; none for a user who is not a MANAGER.
	 */
	static String[] units(CurrentUser user) {
		return user.hasRole(Role.MANAGER) ? user.units().stream().map(UnitCode::value).toArray(String[]::new)
				: new String[0];
	}

}
