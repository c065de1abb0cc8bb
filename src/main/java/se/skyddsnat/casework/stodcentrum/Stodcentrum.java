package se.skyddsnat.casework.stodcentrum;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditDetails;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.casework.CaseFile;
import se.skyddsnat.casework.CaseKind;
import se.skyddsnat.casework.Cases;
import se.skyddsnat.casework.core.CaseAccess;
import se.skyddsnat.casework.core.CaseStore;
import se.skyddsnat.casework.core.CaseworkLimits;
import se.skyddsnat.casework.core.CaseworkProperties;
import se.skyddsnat.casework.journal.JournalEntry;
import se.skyddsnat.casework.journal.JournalKind;
import se.skyddsnat.casework.journal.SigningRule;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.shared.DatePeriod;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;

/**
 * Stödcentrum: support for young victims and witnesses of crime (by default aged 10–20;
 * outside the range the case page warns, nothing is refused). As a rule at most five
 * support talks: when the last one is signed the worker chooses — close, link on to the
 * ordinary social services or to child and adolescent psychiatry, or go on for a written
 * reason — and until then the journal signs no further support talk (the
 * {@link SigningRule} given to it), the case page asks for the choice and the unit's
 * start page reminds. The indicators (share satisfied; young people supported for
 * violence in close relations, by gender) are aggregates for coordinators, managers and
 * analysts.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Stodcentrum implements SigningRule, se.skyddsnat.casework.StodcentrumFigures {

	private final StodcentrumStore store;

	private final CaseStore cases;

	private final Cases caseService;

	private final CaseAccess access;

	private final AuditLog audit;

	private final CaseworkProperties properties;

	private final Clock clock;

	/**
	 * The number of support talks after which the choice must be made (stodcentrumTalks,
	 * 5).
	 */
	public int limit() {
		return properties.stodcentrumTalks();
	}

	/**
	 * Where a Stödcentrum case the user may see stands (404 outside scope); empty for
	 * other kinds of case.
	 */
	@Transactional
	public Optional<StodcentrumStatus> status(long caseId) {
		var scope = access.scope();
		access.requireRecords(scope, caseId);
		CaseFile c = cases.get(caseId);
		if (!stodcentrum(c)) {
			return Optional.empty();
		}
		int talks = store.talks(caseId);
		List<StodcentrumDecision> decisions = store.decisions(caseId);
		audit.read(AuditSubject.CASE, caseId, ReadPurpose.STODCENTRUM);
		return Optional.of(new StodcentrumStatus(caseId, c.open(), talks, limit(),
				c.open() && talks >= limit() && decisions.isEmpty(), decisions, properties.stodcentrumMinAge(),
				properties.stodcentrumMaxAge(), store.ages(c)));
	}

	/**
	 * Records the choice for a Stödcentrum case of the user's own unit that has reached
	 * its support-talk limit. Closing also closes the case (with its date and outcome);
	 * linking on is recorded here and carried out as a referral; continuing needs a
	 * written reason.
	 */
	@Transactional
	public StodcentrumDecision choose(long caseId, StodcentrumChoiceInput input) {
		var scope = access.scope();
		access.requireRecords(scope, caseId);
		CaseFile c = cases.get(caseId);
		if (!access.inOwnUnit(scope, c.unit()) || !scope.user().may(Permission.CASE_WORK)) {
			throw new AccessDeniedException("Only the case's own unit decides");
		}
		int talks = requireChoiceDue(c);
		var in = Input.of(clock);
		StodcentrumChoice choice = in.requiredCode("choice", input.choice(), StodcentrumChoice.class,
				"stodcentrum.error.choice");
		String reason = in.text("reason", input.reason(), CaseworkLimits.STODCENTRUM_REASON.max(),
				"stodcentrum.error.reasonLength");
		if (choice == StodcentrumChoice.CONTINUE && reason == null && !in.failed("reason")) {
			in.reject("reason", "stodcentrum.error.reason");
		}
		in.check();
		StodcentrumDecision decision = store.insertDecision(caseId, choice, reason, talks, LocalDate.now(clock),
				scope.user().username(), Instant.now(clock));
		audit.change(AuditSubject.CASE, caseId, AuditDetails.of("stodcentrum.decision",
				AuditDetails.text("stodcentrum.choice." + choice.code()), talks));
		if (choice == StodcentrumChoice.CLOSE) {
			// in the same transaction: a refused closing (date, outcome) leaves no
			// decision behind
			caseService.close(caseId, new Cases.Closing(input.closedOn(), input.outcome()));
		}
		return decision;
	}

	/**
	 * The indicators for a period, over every Stödcentrum case (aggregates only:
	 * coordinators, managers and analysts). Dates are the talks' dates; only signed talks
	 * count.
	 */
	@Transactional(readOnly = true)
	public StodcentrumIndicators indicators(LocalDate from, LocalDate to) {
		requireReader();
		DatePeriod.of(from, to);
		long[] satisfaction = store.satisfaction(from, to);
		return new StodcentrumIndicators(from, to, satisfaction[0], satisfaction[1], satisfaction[2],
				store.supported(from, to, false), store.supported(from, to, true));
	}

	/**
	 * The same indicators for follow-up (the module's public {@code StodcentrumFigures}).
	 */
	@Override
	@Transactional(readOnly = true)
	public Period figures(LocalDate from, LocalDate to) {
		StodcentrumIndicators i = indicators(from, to);
		return new Period(i.ratedTalks(), i.satisfiedTalks(), i.supported(), i.closeRelationsViolence());
	}

	/**
	 * Refuses anyone who may not read the indicators, before anything else is looked at:
	 * those who read statistics, and Stödcentrum's own staff (their unit's figures; no
	 * record of a person in them).
	 */
	public void requireReader() {
		CurrentUser user = CurrentUser.require();
		if (!mayRead(user)) {
			throw new AccessDeniedException("Stödcentrum's indicators are for coordinators, managers and analysts");
		}
	}

	/**
	 * Whether the user may read the indicators: statistics readers and Stödcentrum's case
	 * workers.
	 */
	public static boolean mayRead(CurrentUser user) {
		return user.may(Permission.READ_STATISTICS)
				|| (user.may(Permission.CASE_WORK) && user.belongsTo(se.skyddsnat.shared.UnitCode.of("STODCENTRUM")));
	}

	/**
	 * The journal's signing rule: no further support talk while the case waits for its
	 * choice.
	 */
	@Override
	public Optional<InvalidInput.Violation> refusal(CaseFile c, JournalEntry entry) {
		boolean furtherTalk = entry.kind() == JournalKind.SUPPORT_TALK && entry.correctsId() == null;
		if (stodcentrum(c) && furtherTalk && choicePending(c)) {
			return Optional.of(new InvalidInput.Violation("kind", "stodcentrum.error.choiceFirst", limit()));
		}
		return Optional.empty();
	}

	/**
	 * The journal's answer after a signing: the case's talks and whether the choice is
	 * due (audited as a read).
	 */
	@Override
	@Transactional
	public Optional<Talks> talks(long caseId) {
		return status(caseId).map(s -> new Talks(s.talks(), s.choiceRequired()));
	}

	/**
	 * Whether a case is waiting for the choice (no access check: the caller has made it).
	 */
	private boolean choicePending(CaseFile c) {
		return c.open() && store.decisions(c.id()).isEmpty() && store.talks(c.id()) >= limit();
	}

	/**
	 * The talks of a Stödcentrum case that is open, undecided and at its limit; refused
	 * otherwise, naming the choice.
	 */
	private int requireChoiceDue(CaseFile c) {
		if (!stodcentrum(c)) {
			throw InvalidInput.of("choice", "stodcentrum.error.notStodcentrum");
		}
		int talks = store.talks(c.id());
		if (!c.open()) {
			throw InvalidInput.of("choice", "stodcentrum.error.closed");
		}
		if (!store.decisions(c.id()).isEmpty()) {
			throw InvalidInput.of("choice", "stodcentrum.error.decided");
		}
		if (talks < limit()) {
			throw InvalidInput.of("choice", "stodcentrum.error.notYet", limit());
		}
		return talks;
	}

	private static boolean stodcentrum(CaseFile c) {
		return c.kind() == CaseKind.STODCENTRUM_SUPPORT;
	}

}
