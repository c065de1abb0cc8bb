package se.skyddsnat.casework.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditDetails;
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
 * The managers' review of emergency accesses (nödåtkomst): every access to a person of
 * the manager's units by someone who stated a reason, unreviewed first, until a manager —
 * not the one who used it — marks it reviewed. The reason may hold personal data, so
 * showing a grant is an audited read of its person.
 */
@Service
@RequiredArgsConstructor
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

	private final ReviewStore store;

	private final AuditLog audit;

	private final Clock clock;

	/**
	 * The emergency accesses to people of the current manager's units: all unreviewed
	 * ones (oldest first), then the latest reviewed. Each person shown is audited as read
	 * for the access-log review.
	 */
	@Transactional
	public List<Grant> forCurrentManager() {
		String[] units = ReviewScope.units(ReviewScope.manager());
		var grants = new ArrayList<Grant>(store.unreviewedGrants(units));
		grants.addAll(store.reviewedGrants(units, REVIEWED_SHOWN));
		audit.readAll(AuditSubject.PERSON,
				grants.stream().map(Grant::personId).distinct().map(String::valueOf).toList(), ReviewScope.PURPOSE);
		return grants;
	}

	/**
	 * Marks an emergency access reviewed, with an optional note; audited. Another
	 * manager's grant only.
	 */
	@Transactional
	public Grant markReviewed(long id, String note) {
		CurrentUser manager = ReviewScope.manager();
		Grant grant = store.grantIn(id, ReviewScope.units(manager)).orElseThrow(CaseAccess::notFound);
		var in = Input.of(clock);
		String text = in.text("note", note, CaseworkLimits.EMERGENCY_REVIEW_NOTE.max(), "review.emergency.error.note");
		if (grant.username().equals(manager.username())) {
			in.reject("note", "review.emergency.error.own");
		}
		if (grant.reviewed()) {
			in.reject("note", "review.emergency.error.reviewed");
		}
		in.check();
		if (!store.markReviewed(id, manager.username(), Instant.now(clock), clock.getZone(), text)) {
			throw InvalidInput.of("note", "review.emergency.error.reviewed");
		}
		audit.change(AuditSubject.EMERGENCY_ACCESS, id, text == null
				? AuditDetails.of("emergency.reviewed", AuditDetails.named("person", grant.personId()))
				: AuditDetails.of("emergency.reviewedWithNote", AuditDetails.named("person", grant.personId())));
		return store.grant(id);
	}

	/**
	 * Ends an emergency access early (the manager of the person's unit sees it is no
	 * longer needed, or was misused): from now on the user no longer sees the person.
	 * Audited; an access that has ended already is refused (409).
	 */
	@Transactional
	public Grant endEarly(long id) {
		CurrentUser manager = ReviewScope.manager();
		Grant grant = store.grantIn(id, ReviewScope.units(manager)).orElseThrow(CaseAccess::notFound);
		if (!store.endGrant(id, manager.username(), Instant.now(clock))) {
			throw new EmergencyAccessEnded();
		}
		audit.change(AuditSubject.EMERGENCY_ACCESS, id,
				AuditDetails.of("emergency.endedEarly", AuditDetails.named("person", grant.personId())));
		return store.grant(id);
	}

	/** The emergency access has ended already: nothing changed. */
	static class EmergencyAccessEnded extends se.skyddsnat.shared.Refused {

		EmergencyAccessEnded() {
			super(409, "review.emergency.error.ended");
		}

	}

	/**
	 * The emergency accesses to one person, newest first; the caller has checked that the
	 * user may review them.
	 */
	List<Grant> ofPerson(long personId) {
		return store.grantsToPerson(personId);
	}

	/**
	 * How many emergency accesses to the current manager's units wait for review by this
	 * manager (a count only).
	 */
	long unreviewedForCurrentUser() {
		var user = CurrentUser.get().filter(u -> u.hasRole(Role.MANAGER) && !u.units().isEmpty()).orElse(null);
		if (user == null) {
			return 0;
		}
		return store.unreviewedBy(user.username(), ReviewScope.units(user));
	}

}
