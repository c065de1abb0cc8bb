package se.skyddsnat.identity;

import static se.skyddsnat.identity.Role.ADMIN;
import static se.skyddsnat.identity.Role.ANALYST;
import static se.skyddsnat.identity.Role.CASEWORKER;
import static se.skyddsnat.identity.Role.COORDINATOR;
import static se.skyddsnat.identity.Role.MANAGER;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user may do, by role: the one place where the sets of roles behind each kind of
 * work are written down. Services ask {@link CurrentUser#may(Permission)}; which records
 * the user may see within a permission is decided by their units (need to know), not
 * here.
 */
public enum Permission {

	/**
	 * Keep people's records in the user's units: people, cases, journal, referrals,
	 * consents, emergency access.
	 */
	CASE_WORK(CASEWORKER, MANAGER, COORDINATOR),
	/**
	 * Read personal data of the user's units: case work, and an ADMIN as a member of a
	 * unit.
	 */
	READ_PERSONAL_DATA(CASEWORKER, MANAGER, COORDINATOR, ADMIN),
	/** Answer a referral sent to the user's unit: accept or decline it. */
	ANSWER_REFERRALS(CASEWORKER, MANAGER),
	/** Record shifts and the people met. */
	RECORD_SHIFTS(CASEWORKER, MANAGER),
	/** Import the history of shifts from files. */
	IMPORT_HISTORY(ADMIN, COORDINATOR, MANAGER),
	/**
	 * Aggregated figures: outreach statistics, Stödcentrum's indicators, usage per
	 * municipality.
	 */
	READ_STATISTICS(COORDINATOR, MANAGER, ANALYST),
	/** Log a consultation about an individual case (no client data). */
	LOG_CONSULTATIONS(CASEWORKER, MANAGER, COORDINATOR),
	/**
	 * Read the regional offer's follow-up: cost split, consultations of all units,
	 * notices, meetings.
	 */
	READ_REGIONAL_OFFER(COORDINATOR, ADMIN, MANAGER, ANALYST),
	/**
	 * Keep the regional offer: agreements, population tables, the non-joined follow-up,
	 * meetings.
	 */
	MANAGE_REGIONAL_OFFER(COORDINATOR, ADMIN),
	/**
	 * Handle the notices to non-joined municipalities: see each one and record how the
	 * municipality was informed.
	 */
	HANDLE_NOTICES(COORDINATOR),
	/**
	 * Read the follow-up: programme, action plan, budget assignments, indicators,
	 * reports, grants.
	 */
	READ_FOLLOWUP(ANALYST, COORDINATOR, MANAGER),
	/**
	 * Keep the follow-up: measures and their follow-ups, assignments, manual figures,
	 * grants; generate reports.
	 */
	EDIT_FOLLOWUP(ANALYST, COORDINATOR),
	/**
	 * Organise trainings: courses, sessions, participant lists, lectures. A COORDINATOR
	 * organises every course; a MANAGER or CASEWORKER those of their units (training
	 * decides, by the course's organising units).
	 */
	ORGANISE_TRAINING(COORDINATOR, MANAGER, CASEWORKER),
	/** Review the access log of records (loggkontroll). */
	REVIEW_ACCESS_LOG(MANAGER, ADMIN),
	/**
	 * Administer the system: users, units, the whole access log, the outbox (the pages
	 * under /admin).
	 */
	ADMINISTER(ADMIN);

	private final Set<Role> roles;

	Permission(Role first, Role... more) {
		this.roles = EnumSet.of(first, more);
	}

	/** The roles that hold this permission. */
	public Set<Role> roles() {
		return Set.copyOf(roles);
	}

	boolean grantedTo(Set<Role> held) {
		return roles.stream().anyMatch(held::contains);
	}

}
