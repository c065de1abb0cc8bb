package se.skyddsnat.casework.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditReview;
import se.skyddsnat.audit.AuditReview.Subject;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.shared.DateRange;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.UnitCode;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.casework.core.CaseAccess;

/**
 * Access-log review (loggkontroll) through the audit module's reading API: for a person,
 * who read or changed the person and the person's cases, when and for which purpose; for
 * a user, what the user opened. Looking at a review is itself a read of personal data,
 * and audited as one.
 */
@Service
@RequiredArgsConstructor
class ReviewLog {

	static final int PAGE_SIZE = 50;

	/** A day range as typed; either end may be open. */
	record Period(LocalDate from, LocalDate to) {
	}

	/**
	 * The log about a person: the person's registering unit, the cases covered, a page of
	 * audit rows, and — when the reviewer manages a unit that may see the person
	 * ({@code managed}) — the emergency accesses to the person with their reasons.
	 */
	record PersonReview(long personId, UnitCode unit, boolean managed, List<Long> caseIds, Period period,
			AuditReview.Page log, List<EmergencyReviews.Grant> emergencyAccesses) {
	}

	/**
	 * What a user read or changed; for a manager only among the records of the manager's
	 * units.
	 */
	record UserReview(String username, boolean ownUnitsOnly, Period period, AuditReview.Page log) {
	}

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

	private final ReviewStore store;

	private final AuditReview auditReview;

	private final AuditLog audit;

	private final EmergencyReviews emergencies;

	private final ObjectProvider<ReviewSubjects> otherSubjects;

	private final Clock clock;

	/**
	 * Who read or changed a person, the person's cases (and their other records), and the
	 * emergency accesses to the person. For a MANAGER of a unit that may see the person
	 * (registered there, or in a case of or shared with it) or an ADMIN; anyone else with
	 * those roles gets 404. Dates are ISO days, both inclusive.
	 */
	@Transactional
	public PersonReview person(long personId, String from, String to, int page) {
		CurrentUser user = ReviewScope.reviewer();
		String[] units = ReviewScope.units(user);
		UnitCode managed = store.unitOfPersonIn(personId, units).orElse(null);
		boolean admin = user.hasRole(Role.ADMIN);
		UnitCode unit = managed != null || !admin ? managed : store.unitOfPerson(personId).orElse(null);
		if (unit == null) {
			throw CaseAccess.notFound();
		}
		Period period = period(from, to);
		List<Long> caseIds = admin ? store.casesOfPerson(personId) : store.casesOfPersonIn(personId, units);
		List<EmergencyReviews.Grant> grants = emergencies.ofPerson(personId);
		var subjects = new ArrayList<Subject>();
		subjects.add(Subject.of(AuditSubject.PERSON, personId));
		caseIds.forEach(id -> subjects.add(Subject.of(AuditSubject.CASE, id)));
		if (!caseIds.isEmpty()) {
			otherSubjects.forEach(source -> subjects.addAll(source.ofCases(caseIds)));
		}
		grants.forEach(g -> subjects.add(Subject.of(AuditSubject.EMERGENCY_ACCESS, g.id())));
		var log = auditReview.aboutSubjects(query(subjects, null, period), Math.max(page, 0), PAGE_SIZE);
		audit.read(AuditSubject.PERSON, personId, ReviewScope.PURPOSE);
		// the reasons given for emergency access are case content: for the person's
		// managers, not for ADMIN
		return new PersonReview(personId, unit, managed != null, caseIds, period, log,
				managed != null ? grants : List.of());
	}

	/**
	 * What a user read or changed in people, cases (and their other records) and
	 * emergency accesses. An ADMIN sees all of it; a MANAGER what concerns the records of
	 * the manager's units — whoever the user is, and nothing of other units' records. An
	 * unknown user name gives an empty log, the same as a user who opened nothing.
	 */
	@Transactional
	public UserReview user(String username, String from, String to, int page) {
		CurrentUser user = ReviewScope.reviewer();
		String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
		if (!USERNAME.matcher(name).matches()) {
			throw CaseAccess.notFound();
		}
		Period period = period(from, to);
		boolean admin = user.hasRole(Role.ADMIN);
		var subjects = new ArrayList<Subject>();
		if (admin) {
			subjects.add(Subject.anyOf(AuditSubject.PERSON));
			subjects.add(Subject.anyOf(AuditSubject.CASE));
			subjects.add(Subject.anyOf(AuditSubject.EMERGENCY_ACCESS));
			otherSubjects.forEach(source -> source.types().forEach(type -> subjects.add(Subject.anyOf(type))));
		}
		else {
			String[] units = ReviewScope.units(user);
			store.peopleIn(units).forEach(id -> subjects.add(Subject.of(AuditSubject.PERSON, id)));
			List<Long> caseIds = store.casesIn(units);
			caseIds.forEach(id -> subjects.add(Subject.of(AuditSubject.CASE, id)));
			if (!caseIds.isEmpty()) {
				otherSubjects.forEach(source -> subjects.addAll(source.ofCases(caseIds)));
			}
			store.emergencyAccessesIn(units).forEach(id -> subjects.add(Subject.of(AuditSubject.EMERGENCY_ACCESS, id)));
		}
		var log = auditReview.aboutSubjects(query(subjects, name, period), Math.max(page, 0), PAGE_SIZE);
		audit.record(
				AuditEvent.of(AuditKind.READ).subject(AuditSubject.USER_ACTIVITY, name).purpose(ReviewScope.PURPOSE));
		return new UserReview(name, !admin, period, log);
	}

	private AuditReview.SubjectQuery query(List<Subject> subjects, String actor, Period period) {
		var zone = clock.getZone();
		Instant from = period.from() == null ? null : period.from().atStartOfDay(zone).toInstant();
		Instant to = period.to() == null ? null : period.to().plusDays(1).atStartOfDay(zone).toInstant();
		return new AuditReview.SubjectQuery(subjects, actor, from, to);
	}

	private Period period(String fromText, String toText) {
		var in = Input.of(clock);
		LocalDate from = in.date("from", fromText, DateRange.search(), "review.error.date");
		LocalDate to = in.date("to", toText, DateRange.search(), "review.error.date");
		if (from != null && to != null && to.isBefore(from)) {
			in.reject("to", "review.error.period");
		}
		in.check();
		return new Period(from, to);
	}

}
