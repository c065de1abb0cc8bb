package se.skyddsnat.casework.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditDetails;
import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.casework.CaseFile;
import se.skyddsnat.casework.core.Letter;
import se.skyddsnat.casework.Person;
import se.skyddsnat.casework.core.CaseAccess;
import se.skyddsnat.casework.core.CaseStore;
import se.skyddsnat.casework.core.CaseworkLimits;
import se.skyddsnat.casework.core.PersonStore;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.identity.Unit;
import se.skyddsnat.identity.UnitDirectory;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.Municipality;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;

/**
 * Referrals and handovers as one state machine, kept by the {@link Referral} itself, with
 * the consents that let personal data leave the organisation. This service orchestrates
 * each step: the reader's scope, the referral's own move (which refuses what its state or
 * the user's part does not allow), the store, the audit. Every transition is audited and
 * kept in the referral's history; every read of a referral is audited.
 */
@Service
public class Referrals {

	/**
	 * A new referral (a draft) as typed: the target, the handover summary (required only
	 * to send) and its people (null: all the people in the case).
	 */
	public record NewReferral(String targetKind, String unit, String municipality, String recipientName, String summary,
			List<Long> personIds) {
	}

	/** A consent to record in a case for one of its people, as typed. */
	public record NewConsent(Long personId, String kind, String givenOn, String scope) {
	}

	/**
	 * A draft's sending as typed: its final summary (null: as saved) and a manager's
	 * override of missing consent.
	 */
	public record Sending(String summary, String overrideReason) {
	}

	/** Whom a draft goes to, as parsed. */
	private record Target(ReferralTargetKind kind, UnitCode unit, MunicipalityCode municipality, String recipient) {
	}

	private final ReferralStore store;

	private final CaseStore cases;

	private final PersonStore persons;

	private final CaseAccess access;

	private final AuditLog audit;

	private final UnitDirectory units;

	private final Municipalities municipalities;

	private final org.springframework.context.MessageSource messages;

	private final Clock clock;

	Referrals(ReferralStore store, CaseStore cases, PersonStore persons, CaseAccess access, AuditLog audit,
			UnitDirectory units, Municipalities municipalities, org.springframework.context.MessageSource messages,
			Clock clock) {
		this.messages = messages;
		this.store = store;
		this.cases = cases;
		this.persons = persons;
		this.access = access;
		this.audit = audit;
		this.units = units;
		this.municipalities = municipalities;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- consents

	/**
	 * Records a person's consent in a case of the user's own unit; the person must be in
	 * the case.
	 */
	@Transactional
	public long recordConsent(long caseId, NewConsent input) {
		var scope = access.scope();
		ownCase(scope, caseId, "Only the case's own unit records consents");
		var in = Input.of(clock);
		if (input.personId() == null || !cases.people(caseId).contains(input.personId())) {
			in.reject("personId", "consent.error.person");
		}
		ConsentKind kind = in.requiredCode("kind", input.kind(), ConsentKind.class, "consent.error.kind");
		LocalDate givenOn = in.requiredDate("givenOn", input.givenOn(), in.past(), "consent.error.givenOn");
		String scopeText = in.required("scope", input.scope(), CaseworkLimits.CONSENT_SCOPE, "consent.error.scope");
		in.check();
		long id = store.insertConsent(caseId, input.personId(), kind, givenOn, scopeText, scope.user().username(),
				Instant.now(clock));
		audit.change(AuditSubject.PERSON, input.personId(),
				AuditDetails.of("consent.recorded", id, AuditDetails.text("consent.kind." + kind.code()), caseId));
		return id;
	}

	/**
	 * Records that the person has withdrawn a consent (with the reason, optional): it
	 * covers no new external referral; referrals sent under it keep it on record. The
	 * case's own unit; audited as a change of the person.
	 */
	@Transactional
	public void withdrawConsent(long caseId, long consentId, String reason) {
		var scope = access.scope();
		ownCase(scope, caseId, "Only the case's own unit withdraws consents");
		Consent consent = store.consent(consentId).filter(c -> c.caseId() == caseId).orElseThrow(CaseAccess::notFound);
		var in = Input.of(clock);
		String why = in.text("reason", reason, CaseworkLimits.CONSENT_WITHDRAW_REASON.max(),
				"consent.error.withdrawReason");
		in.check();
		if (consent.withdrawn()
				|| !store.withdrawConsent(consentId, scope.user().username(), why, Instant.now(clock))) {
			throw new ConsentWithdrawn();
		}
		audit.change(AuditSubject.PERSON, consent.personId(), AuditDetails.of("consent.withdrawn", consentId, caseId));
	}

	/** The consent is withdrawn already: nothing changed. */
	static class ConsentWithdrawn extends se.skyddsnat.shared.Refused {

		ConsentWithdrawn() {
			super(409, "consent.error.withdrawn");
		}

	}

	/**
	 * The consents recorded in a case the user may see, newest first; audited as a read
	 * of the case.
	 */
	@Transactional
	public List<Consent> consents(long caseId) {
		access.requireRecords(access.scope(), caseId);
		List<Consent> consents = store.consents(caseId);
		if (!consents.isEmpty()) {
			audit.read(AuditSubject.CASE, caseId, ReadPurpose.CONSENTS);
		}
		return consents;
	}

	// ---------------------------------------------------------------- reading

	/**
	 * A referral the user may see (sending unit; receiving unit once sent), audited with
	 * the purpose.
	 */
	@Transactional
	public Optional<Referral> find(long id, ReadPurpose purpose) {
		var scope = access.scope();
		Optional<Referral> found = store.find(scope, id);
		found.ifPresent(r -> audit.read(AuditSubject.REFERRAL, id, purpose));
		return found.map(r -> complete(scope, forReader(scope, r)));
	}

	/**
	 * The handover letter of a sent external referral, as a PDF for the sending unit to
	 * deliver: the recipient, the summary, every person the referral names (a protected
	 * identity masked), the consent that covers each — or the manager's override — and
	 * the sender by name and unit. Producing it is audited as an export.
	 */
	@Transactional
	public byte[] handoverLetter(long id) {
		var scope = access.scope();
		requireWorker(scope.user());
		Referral r = store.find(scope, id).orElseThrow(CaseAccess::notFound);
		if (!access.inOwnUnit(scope, r.fromUnit())) {
			throw new AccessDeniedException("The sending unit produces the handover letter");
		}
		if (!r.external() || r.sentAt() == null) {
			throw new ReferralRefused("referral.letter.error.notSent");
		}
		Referral full = complete(scope, forReader(scope, r));
		var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		java.util.function.BiFunction<String, Object[], String> m = (key, args) -> messages.getMessage(key, args,
				locale);
		var people = full.people().stream().map(member -> {
			Person p = member.person();
			String who = p.protectedIdentity()
					? m.apply("person.protected", null) + (p.alias() == null ? "" : " \u201d" + p.alias() + "\u201d")
					: (p.name() != null ? p.name() : "\u201d" + p.alias() + "\u201d")
							+ (p.personalNumber() == null ? "" : ", " + p.personalNumber().formatted());
			String consent = member.consent() == null ? m.apply("referral.letter.noConsent", null)
					: m.apply("referral.letter.consent",
							new Object[] { m.apply("consent.kind." + member.consent().kind().code(), null),
									member.consent().givenOn().toString(), member.consent().scope() });
			return who + " \u2013 " + consent;
		}).toList();
		var sections = new ArrayList<Letter.Section>();
		sections.add(new Letter.Section(m.apply("referral.letter.recipient", null), List.of(full.recipientName())));
		sections.add(new Letter.Section(m.apply("referral.letter.summary", null), full.summaryLines()));
		sections.add(new Letter.Section(m.apply("referral.letter.people", null), people));
		if (full.overrideReason() != null) {
			sections.add(new Letter.Section(m.apply("referral.letter.override", null), List.of(full.overrideReason())));
		}
		String unitName = units.find(r.fromUnit()).map(u -> u.name()).orElse(r.fromUnit().value());
		String sender = m.apply("referral.letter.sender",
				new Object[] { scope.user().displayName(), unitName, LocalDate.now(clock).toString() });
		byte[] pdf = new Letter(m.apply("secrecy.osl", null), m.apply("referral.letter.title", new Object[] { id }),
				sections, sender)
			.pdf();
		audit.record(se.skyddsnat.audit.AuditEvent.of(se.skyddsnat.audit.AuditKind.READ)
			.subject(AuditSubject.REFERRAL, id)
			.purpose(ReadPurpose.EXPORT)
			.details("handover letter, people=" + full.people().size()));
		return pdf;
	}

	/**
	 * How the letter of a sent external referral was delivered and what the receiving
	 * body answered; for the sending unit only (others: empty).
	 */
	@Transactional(readOnly = true)
	public java.util.Optional<Delivery> delivery(long id) {
		var scope = access.scope();
		return store.find(scope, id)
			.filter(r -> r.external() && r.sentAt() != null && access.inOwnUnit(scope, r.fromUnit()))
			.map(r -> store.delivery(id));
	}

	/** A way of delivery and its day (not in the future), typed on the referral page. */
	public record Delivered(String how, String on) {
	}

	/** The receiving body's answer: its day (not in the future) and a short text. */
	public record Answer(String on, String text) {
	}

	/**
	 * Records how the sending unit delivered the letter of a sent external referral, and
	 * when. Audited with the way and day.
	 */
	@Transactional
	public void recordDelivery(long id, Delivered input) {
		var scope = access.scope();
		Referral r = letterOfOwnUnit(scope, id);
		var in = se.skyddsnat.shared.Input.of(clock);
		DeliveryWay how = in.requiredCode("deliveredHow", input.how(), DeliveryWay.class,
				"referral.delivery.error.how");
		LocalDate on = in.requiredDate("deliveredOn", input.on(), in.past(), "referral.delivery.error.on");
		in.check();
		store.recordDelivery(r.id(), how, on, scope.user().username());
		audit.record(se.skyddsnat.audit.AuditEvent.of(se.skyddsnat.audit.AuditKind.CHANGE)
			.subject(AuditSubject.REFERRAL, id)
			.details(se.skyddsnat.audit.AuditDetails.of("referral.delivered",
					se.skyddsnat.audit.AuditDetails.text("referral.delivery." + how.code()), on)));
	}

	/** Records the receiving body's answer to a sent external referral. Audited. */
	@Transactional
	public void recordAnswer(long id, Answer input) {
		var scope = access.scope();
		Referral r = letterOfOwnUnit(scope, id);
		var in = se.skyddsnat.shared.Input.of(clock);
		LocalDate on = in.requiredDate("answerOn", input.on(), in.past(), "referral.answerOn.error");
		String text = in.required("answerText", input.text(), CaseworkLimits.REFERRAL_ANSWER,
				"referral.answerText.error");
		in.check();
		store.recordAnswer(r.id(), on, text, scope.user().username());
		audit.record(se.skyddsnat.audit.AuditEvent.of(se.skyddsnat.audit.AuditKind.CHANGE)
			.subject(AuditSubject.REFERRAL, id)
			.details(se.skyddsnat.audit.AuditDetails.of("referral.answerRecorded", on)));
	}

	private Referral letterOfOwnUnit(se.skyddsnat.casework.core.CaseAccess.Scope scope, long id) {
		requireWorker(scope.user());
		Referral r = store.find(scope, id).orElseThrow(CaseAccess::notFound);
		if (!access.inOwnUnit(scope, r.fromUnit())) {
			throw CaseAccess.notFound();
		}
		if (!r.external() || r.sentAt() == null) {
			throw new ReferralRefused("referral.letter.error.notSent");
		}
		return r;
	}

	/**
	 * The referrals of a case the user may see: all of them for the case's own unit, else
	 * those to the user's units.
	 */
	@Transactional
	public List<Referral> ofCase(long caseId) {
		var scope = access.scope();
		if (!access.caseVisible(scope, caseId)) {
			throw CaseAccess.notFound();
		}
		List<Referral> list = store.ofCase(scope, caseId);
		audit.readAll(AuditSubject.REFERRAL, ids(list), ReadPurpose.CASE_PAGE);
		return list.stream().map(r -> forReader(scope, r)).toList();
	}

	/**
	 * Referrals sent to the user's units: those awaiting an answer first, then the
	 * answered and closed ones (newest first). Each is audited, since the handover
	 * summary is personal data.
	 */
	@Transactional
	public List<Referral> incoming() {
		var scope = access.scope();
		List<Referral> list = store.incoming(scope);
		audit.readAll(AuditSubject.REFERRAL, ids(list), ReadPurpose.INCOMING_LIST);
		return list.stream().map(r -> forReader(scope, r)).toList();
	}

	/**
	 * Referrals awaiting an answer from the current user's units: ids and senders only
	 * (for reminders, no personal data).
	 */
	List<Referral> awaitingAnswer() {
		var user = CurrentUser.get();
		if (user.isEmpty() || user.get().units().isEmpty() || !user.get().may(Permission.ANSWER_REFERRALS)) {
			return List.of();
		}
		return store.awaitingAnswer(user.get().units().stream().map(UnitCode::value).toArray(String[]::new));
	}

	// ---------------------------------------------------------------- transitions

	/** Creates a draft referral of a case of the user's own unit. */
	@Transactional
	public long create(long caseId, NewReferral input) {
		var scope = access.scope();
		CaseFile c = ownCase(scope, caseId, "Only the case's own unit refers the case");
		var in = Input.of(clock);
		Target target = target(in, input, c.unit());
		String summary = in.text("summary", input.summary(), Referral.SUMMARY_MAX, "referral.error.summaryLength");
		List<Long> inCase = cases.people(caseId);
		List<Long> people = input.personIds() == null ? inCase
				: List.copyOf(new LinkedHashSet<>(input.personIds().stream().filter(Objects::nonNull).toList()));
		if (people.isEmpty() || !inCase.containsAll(people)) {
			in.reject("personIds", "referral.error.people");
		}
		in.check();
		Instant now = Instant.now(clock);
		Referral draft = Referral.draft(caseId, c.unit(), target.kind(), target.unit(), target.municipality(),
				target.recipient(), summary, scope.user().username(), now);
		long id = store.insert(draft, people);
		store.event(id, new Referral.Event(null, ReferralState.DRAFT, scope.user().username(), now, null));
		audit.change(AuditSubject.REFERRAL, id, target.unit() != null
				? AuditDetails.of("referral.createdToUnit", caseId, AuditDetails.named("unit", target.unit().value()))
				: target.municipality() != null
						? AuditDetails.of("referral.createdToMunicipality", caseId,
								AuditDetails.named("municipality", target.municipality().value()))
						: AuditDetails.of("referral.created", caseId,
								AuditDetails.text("referral.target." + target.kind().code())));
		return id;
	}

	/**
	 * Saves the handover summary of a draft (the page also saves it as the user types).
	 */
	@Transactional
	public void saveDraft(long id, String summary) {
		var scope = access.scope();
		Referral r = lockedFor(scope, id, Referral.Action.EDIT);
		var in = Input.of(clock);
		String text = in.text("summary", summary, Referral.SUMMARY_MAX, "referral.error.summaryLength");
		in.check();
		store.update(r.withSummary(scope.user(), text));
		audit.change(AuditSubject.REFERRAL, id, AuditDetails.of("referral.summarySaved"));
	}

	/**
	 * Sends a draft (with its summary, when given). An external referral needs every
	 * person's consent; without it a MANAGER of the case's unit may override with a
	 * written reason, which is stored and audited.
	 */
	@Transactional
	public ReferralState send(long id, Sending input) {
		var scope = access.scope();
		Referral r = lockedFor(scope, id, Referral.Action.SEND);
		var in = Input.of(clock);
		String reason = in.text("overrideReason", input.overrideReason(), CaseworkLimits.REFERRAL_OVERRIDE_REASON);
		// no summary given: the draft's; one given (even empty) is the one that goes
		String text = input.summary() == null ? r.summary()
				: in.text("summary", input.summary(), Referral.SUMMARY_MAX, "referral.error.summaryLength");
		in.check();
		Map<Long, Consent> covering = r.external() ? store.covering(r.caseId(), store.people(id), LocalDate.now(clock))
				: Map.of();
		Instant now = Instant.now(clock);
		Referral sent = r.send(scope.user(), text, reason, covering, now);
		store.useConsents(id, covering);
		if (sent.overrideReason() != null) {
			audit.record(AuditEvent.of(AuditKind.CHANGE)
				.subject(AuditSubject.REFERRAL, id)
				.purpose(ReadPurpose.EXTERNAL_REFERRAL)
				.details(AuditDetails.of("referral.consentOverride")));
		}
		return moved(r, sent, scope.user(), now, sent.overrideReason());
	}

	/**
	 * The receiving unit accepts a sent internal referral: while it stays accepted, the
	 * receiving unit reads the case's facts and the people the referral names (see
	 * {@link CaseAccess}) — the share is the referral's state.
	 */
	@Transactional
	public ReferralState accept(long id) {
		var scope = access.scope();
		Referral r = store.locked(scope, id);
		Instant now = Instant.now(clock);
		Referral accepted = r.accept(scope.user(), now);
		audit.change(AuditSubject.CASE, r.caseId(), AuditDetails.of("case.shared",
				AuditDetails.named("unit", r.toUnit().value()), id, store.people(id).size()));
		return moved(r, accepted, scope.user(), now, null);
	}

	/**
	 * The receiving unit declines a sent internal referral, with a reason; the case stays
	 * hidden from it.
	 */
	@Transactional
	public ReferralState decline(long id, String reason) {
		var scope = access.scope();
		Referral r = lockedFor(scope, id, Referral.Action.DECLINE);
		var in = Input.of(clock);
		String why = in.required("reason", reason, CaseworkLimits.REFERRAL_DECLINE_REASON,
				"referral.error.declineReason");
		in.check();
		Instant now = Instant.now(clock);
		return moved(r, r.decline(scope.user(), why, now), scope.user(), now, why);
	}

	/**
	 * Closes a referral: the sender withdraws a draft or a sent one, or closes an
	 * external one once answered; either unit closes an accepted handover when it is
	 * done. The note is optional.
	 */
	@Transactional
	public ReferralState close(long id, String note) {
		var scope = access.scope();
		Referral r = lockedFor(scope, id, Referral.Action.CLOSE);
		var in = Input.of(clock);
		String text = in.text("note", note, CaseworkLimits.REFERRAL_NOTE.max(), "referral.error.note");
		in.check();
		Instant now = Instant.now(clock);
		return moved(r, r.close(scope.user(), now), scope.user(), now, text);
	}

	/**
	 * A MANAGER of the sending unit ends the share of an accepted handover before the
	 * work is done (e.g. it was made in error or is no longer needed), with a written
	 * reason: the referral is closed as revoked and the receiving unit no longer sees the
	 * case or its people.
	 */
	@Transactional
	public ReferralState revoke(long id, String reason) {
		var scope = access.scope();
		Referral r = lockedFor(scope, id, Referral.Action.REVOKE);
		var in = Input.of(clock);
		int max = CaseworkLimits.REFERRAL_NOTE.max();
		String why = in.required("reason", reason, max, "referral.error.revokeReason");
		if (why != null && why.codePointCount(0, why.length()) < Referral.REASON_MIN) {
			in.reject("reason", "referral.error.revokeReason", max);
		}
		in.check();
		Instant now = Instant.now(clock);
		return moved(r, r.revoke(scope.user(), now), scope.user(), now, why);
	}

	// ---------------------------------------------------------------- internals

	/**
	 * Stores a move with its step in the history and its audit row; an accepted handover
	 * that closes ends its share, which the case's audit trail records.
	 */
	private ReferralState moved(Referral before, Referral after, CurrentUser user, Instant at, String note) {
		store.update(after);
		if (before.state() == ReferralState.ACCEPTED && after.state() == ReferralState.CLOSED) {
			audit.change(AuditSubject.CASE, before.caseId(),
					AuditDetails.of("case.shareEnded", AuditDetails.named("unit", before.toUnit().value()), before.id(),
							AuditDetails.text("referral.closedHow." + after.closedHow().code())));
		}
		store.event(before.id(), before.eventTo(after, user, at, note));
		audit.change(AuditSubject.REFERRAL, before.id(),
				AuditDetails.of("referral.state", AuditDetails.text("referral.state." + before.state().code()),
						AuditDetails.text("referral.state." + after.state().code())));
		return after.state();
	}

	/**
	 * The target as typed: an active unit other than the case's own, a municipality of
	 * the register, or a name.
	 */
	private Target target(Input in, NewReferral input, UnitCode caseUnit) {
		ReferralTargetKind kind = in.requiredCode("targetKind", input.targetKind(), ReferralTargetKind.class,
				"referral.error.targetKind");
		if (kind == ReferralTargetKind.UNIT) {
			String code = Input.blankToNull(input.unit());
			Optional<Unit> unit = code != null && UnitCode.isValid(code) ? units.find(UnitCode.of(code))
					: Optional.empty();
			if (unit.isEmpty() || !unit.get().active()) {
				in.reject("unit", "referral.error.unit");
			}
			else if (unit.get().code().equals(caseUnit)) {
				in.reject("unit", "referral.error.ownUnit");
			}
			else {
				return new Target(kind, unit.get().code(), null, unit.get().name());
			}
		}
		else if (kind == ReferralTargetKind.MUNICIPALITY) {
			String code = Input.blankToNull(input.municipality());
			Optional<Municipality> m = code != null && MunicipalityCode.isValid(code)
					? municipalities.find(MunicipalityCode.of(code)) : Optional.empty();
			if (m.isEmpty()) {
				in.reject("municipality", "referral.error.municipality");
			}
			else {
				return new Target(kind, null, m.get().code(), m.get().name());
			}
		}
		else if (kind != null) {
			return new Target(kind, null, null, in.required("recipientName", input.recipientName(),
					CaseworkLimits.REFERRAL_RECIPIENT, "referral.error.recipientName"));
		}
		return new Target(kind, null, null, null);
	}

	private Referral forReader(CaseAccess.Scope scope, Referral r) {
		return r.forReader(access.inOwnUnit(scope, r.fromUnit()));
	}

	/**
	 * The referral with its history and — for a reader who may see the case — its people
	 * and their consents.
	 */
	private Referral complete(CaseAccess.Scope scope, Referral r) {
		List<Referral.Event> history = store.history(r.id());
		if (!access.caseVisible(scope, r.caseId())) {
			return r.with(false, List.of(), history);
		}
		List<Long> ids = store.people(r.id());
		Map<Long, Consent> consents = r.state() == ReferralState.DRAFT
				? store.covering(r.caseId(), ids, LocalDate.now(clock)) : store.usedConsents(r.id());
		// only the people the reader may see: a receiving unit sees those its own open
		// share names, never more
		Map<Long, Person> visible = persons.visible(scope, ids)
			.stream()
			.collect(Collectors.toMap(Person::id, Function.identity()));
		List<Referral.Member> members = ids.stream()
			.filter(visible::containsKey)
			.map(p -> new Referral.Member(visible.get(p).masked(), consents.get(p)))
			.toList();
		return r.with(true, members, history);
	}

	/**
	 * The referral, locked, when the action may be taken now: refused before the input is
	 * read, so that a refusal of the state or of the user's part comes first (the move
	 * itself checks again).
	 */
	private Referral lockedFor(CaseAccess.Scope scope, long id, Referral.Action action) {
		Referral r = store.locked(scope, id);
		r.require(action, scope.user());
		return r;
	}

	/**
	 * A case the user may see (404 otherwise), of the user's own unit, for a caseworker,
	 * manager or coordinator.
	 */
	private CaseFile ownCase(CaseAccess.Scope scope, long caseId, String refusal) {
		requireWorker(scope.user());
		if (!access.caseVisible(scope, caseId)) {
			throw CaseAccess.notFound();
		}
		CaseFile c = cases.get(caseId);
		if (!access.inOwnUnit(scope, c.unit())) {
			throw new AccessDeniedException(refusal);
		}
		return c;
	}

	private static List<String> ids(List<Referral> referrals) {
		return referrals.stream().map(r -> String.valueOf(r.id())).toList();
	}

	private static void requireWorker(CurrentUser user) {
		if (!user.may(Permission.CASE_WORK)) {
			throw new AccessDeniedException("Referrals are made by caseworkers, managers and coordinators");
		}
	}

}
