package se.skyddsnat.casework.referral;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.AccessDeniedException;

import se.skyddsnat.casework.Person;
import se.skyddsnat.casework.core.CaseworkLimits;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.identity.Role;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;

/**
 * A referral (länkning, överlämning) of a case: from the case's unit to another unit
 * ({@code toUnit}) or to a body outside the organisation, with its handover summary, its
 * state and its history. {@code people} (each with the consent that covers them, if any)
 * is filled only for a viewer who may read the case; a receiving unit sees the summary
 * but not the case until it has accepted.
 *
 * <p>
 * A referral moves itself through its one state machine ({@link ReferralState}): each
 * move ({@link #send}, {@link #accept}, {@link #decline}, {@link #close},
 * {@link #revoke}) returns the referral as it stands after it, and refuses what its state
 * or the user's part in it does not allow ({@link ReferralRefused}; a role the move
 * needs, {@link AccessDeniedException}). The consent rule lives in {@link #send}:
 * personal data leaves the organisation only with every person's recorded consent, or a
 * MANAGER's written override.
 */
public record Referral(long id, long caseId, UnitCode fromUnit, ReferralTargetKind targetKind, UnitCode toUnit,
		MunicipalityCode municipality, String recipientName, String summary, ReferralState state, String createdBy,
		Instant createdAt, Instant sentAt, Instant answeredAt, Instant closedAt, ReferralClosing closedHow,
		String declineReason, String overrideReason, String overrideBy, boolean caseVisible, List<Member> people,
		List<Event> history) {

	/**
	 * The shortest reason a manager gives to override a missing consent or to revoke a
	 * handover.
	 */
	static final int REASON_MIN = 10;
	static final int SUMMARY_MAX = CaseworkLimits.REFERRAL_SUMMARY.max();

	/**
	 * A person the referral is about, with the consent that covers an external referral
	 * (null: none).
	 */
	public record Member(Person person, Consent consent) {
	}

	/**
	 * One transition: who moved the referral from which state (null: created) to which,
	 * when, and why.
	 */
	public record Event(ReferralState from, ReferralState to, String actor, Instant at, String note) {
	}

	/**
	 * What a user asks of a referral; each names itself in a refusal
	 * ({@code referral.action.<code>}).
	 */
	public enum Action {

		EDIT, SEND, ACCEPT, DECLINE, CLOSE, REVOKE;

		DefaultMessageSourceResolvable phrase() {
			return new DefaultMessageSourceResolvable("referral.action." + name().toLowerCase(Locale.ROOT));
		}

	}

	/** A new draft of a case's unit to a target. */
	static Referral draft(long caseId, UnitCode fromUnit, ReferralTargetKind kind, UnitCode toUnit,
			MunicipalityCode municipality, String recipientName, String summary, String createdBy, Instant at) {
		return new Referral(0, caseId, fromUnit, kind, toUnit, municipality, recipientName, summary,
				ReferralState.DRAFT, createdBy, at, null, null, null, null, null, null, null, false, List.of(),
				List.of());
	}

	public boolean external() {
		return targetKind.external();
	}

	/**
	 * An external referral whose people are not all covered by a consent (as far as the
	 * viewer can see).
	 */
	public boolean consentMissing() {
		return external() && people.stream().anyMatch(m -> m.consent() == null);
	}

	/** The summary as paragraphs (the pages show each line as typed). */
	public List<String> summaryLines() {
		return summary == null ? List.of() : summary.lines().toList();
	}

	/**
	 * Whether the referral still stands (not declined, not closed): only then does the
	 * receiver read its summary.
	 */
	public boolean ongoing() {
		return state != ReferralState.DECLINED && state != ReferralState.CLOSED;
	}

	/**
	 * Refuses the action unless the state machine allows it from here and the user has
	 * the part it needs: the sending unit edits, sends, withdraws and revokes (a
	 * MANAGER), the receiving unit of an internal referral answers, either unit closes an
	 * accepted handover.
	 */
	public void require(Action action, CurrentUser user) {
		switch (action) {
			case EDIT, SEND -> {
				requireState(state == ReferralState.DRAFT, action);
				requireSender(user, action);
			}
			case ACCEPT, DECLINE -> {
				requireState(state.canMoveTo(action == Action.ACCEPT ? ReferralState.ACCEPTED : ReferralState.DECLINED),
						action);
				requireReceiver(user, action);
			}
			case CLOSE -> {
				requireState(state.canMoveTo(ReferralState.CLOSED), action);
				if (!receiverClosingHandover(user)) {
					requireSender(user, action);
				}
				requireWorker(user);
			}
			case REVOKE -> {
				requireState(state == ReferralState.ACCEPTED, action);
				requireSender(user, action);
				if (!user.hasRole(Role.MANAGER)) {
					throw new AccessDeniedException("Only a manager of the sending unit revokes a handover");
				}
			}
		}
	}

	/** The draft with a new summary (null: none yet). */
	Referral withSummary(CurrentUser user, String text) {
		require(Action.EDIT, user);
		return new Referral(id, caseId, fromUnit, targetKind, toUnit, municipality, recipientName, text, state,
				createdBy, createdAt, sentAt, answeredAt, closedAt, closedHow, declineReason, overrideReason,
				overrideBy, caseVisible, people, history);
	}

	/**
	 * Sends the draft with the summary it goes with ({@code sent}: required). An external
	 * referral needs a consent for every person ({@code covering}: each of its people
	 * with the consent that covers them, or null); without one a MANAGER may override
	 * with a written reason of at least {@value #REASON_MIN} characters, which is kept.
	 */
	Referral send(CurrentUser user, String sent, String overrideReason, Map<Long, Consent> covering, Instant at) {
		require(Action.SEND, user);
		if (overrideReason != null && !user.hasRole(Role.MANAGER)) {
			throw new AccessDeniedException("Only a manager of the case's unit overrides a missing consent");
		}
		if (sent == null) {
			throw InvalidInput.of("summary", "referral.error.summary");
		}
		if (sent.length() > SUMMARY_MAX) {
			throw InvalidInput.of("summary", "referral.error.summaryLength", SUMMARY_MAX);
		}
		List<Long> missing = external()
				? covering.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList()
				: List.of();
		if (!missing.isEmpty() && overrideReason == null) {
			throw new ConsentMissing(missing, covering.size());
		}
		if (!missing.isEmpty() && (overrideReason.length() < REASON_MIN
				|| overrideReason.length() > CaseworkLimits.REFERRAL_OVERRIDE_REASON.max())) {
			throw InvalidInput.of("overrideReason", "referral.error.overrideReason", REASON_MIN);
		}
		boolean overridden = !missing.isEmpty();
		return new Referral(id, caseId, fromUnit, targetKind, toUnit, municipality, recipientName, sent,
				ReferralState.SENT, createdBy, createdAt, at, answeredAt, closedAt, closedHow, declineReason,
				overridden ? overrideReason : null, overridden ? user.username() : null, caseVisible, people, history);
	}

	/**
	 * The receiving unit accepts: while the referral stays accepted, that unit reads the
	 * case's facts and the people it names (the share is this state; see
	 * {@code CaseAccess}).
	 */
	Referral accept(CurrentUser user, Instant at) {
		require(Action.ACCEPT, user);
		return answered(ReferralState.ACCEPTED, null, at);
	}

	/** The receiving unit declines, with a reason; the case stays hidden from it. */
	Referral decline(CurrentUser user, String reason, Instant at) {
		require(Action.DECLINE, user);
		return answered(ReferralState.DECLINED, reason, at);
	}

	/**
	 * Closes: done when an accepted handover is complete or an external recipient has
	 * answered (a sent external referral), else withdrawn by the sender. An accepted
	 * handover's share ends with it.
	 */
	Referral close(CurrentUser user, Instant at) {
		require(Action.CLOSE, user);
		boolean done = state == ReferralState.ACCEPTED || (state == ReferralState.SENT && external());
		return closed(done ? ReferralClosing.DONE : ReferralClosing.WITHDRAWN, at);
	}

	/**
	 * A MANAGER of the sending unit ends an accepted handover's share before the work is
	 * done.
	 */
	Referral revoke(CurrentUser user, Instant at) {
		require(Action.REVOKE, user);
		return closed(ReferralClosing.REVOKED, at);
	}

	/** The step from this referral to {@code next}, for its history. */
	Event eventTo(Referral next, CurrentUser user, Instant at, String note) {
		return new Event(state, next.state(), user.username(), at, note);
	}

	Referral with(boolean caseVisible, List<Member> people, List<Event> history) {
		return new Referral(id, caseId, fromUnit, targetKind, toUnit, municipality, recipientName, summary, state,
				createdBy, createdAt, sentAt, answeredAt, closedAt, closedHow, declineReason, overrideReason,
				overrideBy, caseVisible, List.copyOf(people), List.copyOf(history));
	}

	/**
	 * The referral as a reader outside the sending unit sees it: once it is declined or
	 * closed, what it shared is no longer theirs to read — the summary goes, the facts of
	 * the referral itself (who, when, which state) stay.
	 */
	Referral forReader(boolean inSendingUnit) {
		if (inSendingUnit || ongoing()) {
			return this;
		}
		return new Referral(id, caseId, fromUnit, targetKind, toUnit, municipality, recipientName, null, state,
				createdBy, createdAt, sentAt, answeredAt, closedAt, closedHow, declineReason, overrideReason,
				overrideBy, caseVisible, people, history);
	}

	private Referral answered(ReferralState next, String reason, Instant at) {
		return new Referral(id, caseId, fromUnit, targetKind, toUnit, municipality, recipientName, summary, next,
				createdBy, createdAt, sentAt, at, closedAt, closedHow, reason, overrideReason, overrideBy, caseVisible,
				people, history);
	}

	private Referral closed(ReferralClosing how, Instant at) {
		return new Referral(id, caseId, fromUnit, targetKind, toUnit, municipality, recipientName, summary,
				ReferralState.CLOSED, createdBy, createdAt, sentAt, answeredAt, at, how, declineReason, overrideReason,
				overrideBy, caseVisible, people, history);
	}

	private boolean receiverClosingHandover(CurrentUser user) {
		return state == ReferralState.ACCEPTED && toUnit != null && user.belongsTo(toUnit);
	}

	private void requireState(boolean allowed, Action action) {
		if (!allowed) {
			throw new ReferralRefused("referral.refused.state", action.phrase(),
					new DefaultMessageSourceResolvable("referral.statePhrase." + state.code()));
		}
	}

	private void requireSender(CurrentUser user, Action action) {
		if (!user.belongsTo(fromUnit)) {
			throw new ReferralRefused("referral.refused.senderOnly", action.phrase(), fromUnit.value());
		}
		requireWorker(user);
	}

	private void requireReceiver(CurrentUser user, Action action) {
		if (external()) {
			throw new ReferralRefused("referral.refused.external", action.phrase());
		}
		if (!user.belongsTo(toUnit)) {
			throw new ReferralRefused("referral.refused.receiverOnly", action.phrase(), toUnit.value());
		}
		if (!user.may(Permission.ANSWER_REFERRALS)) {
			throw new AccessDeniedException("Caseworkers and managers of the receiving unit answer a referral");
		}
	}

	private static void requireWorker(CurrentUser user) {
		if (!user.may(Permission.CASE_WORK)) {
			throw new AccessDeniedException("Referrals are made by caseworkers, managers and coordinators");
		}
	}
}
