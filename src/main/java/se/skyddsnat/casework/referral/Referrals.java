package se.skyddsnat.casework.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.identity.Unit;
import se.skyddsnat.identity.UnitDirectory;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.Municipality;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.casework.People;
import se.skyddsnat.casework.Person;
import se.skyddsnat.casework.core.CaseAccess;
import se.skyddsnat.casework.core.CaseworkLimits;

/**
 * Referrals and handovers as one state machine (see {@link ReferralState}), with the consents that let personal
 * data leave the organisation. The sending unit (the case's own unit) drafts, sends, withdraws and closes; the
 * receiving unit of an internal referral sees the handover summary — not the case — until it accepts, which
 * shares the case with it; a decline needs a reason. An external referral is sent only when every person in it
 * has a recorded consent, or when a MANAGER of the case's unit overrides with a written reason (audited).
 * Every transition is audited and kept in the referral's history; every read of a referral is audited.
 */
@Service
public class Referrals {

    /**
     * A new referral (a draft): the target, the handover summary (required only to send) and its people (null: all
     * the people in the case).
     */
    public record NewReferral(String targetKind, String unit, String municipality, String recipientName,
            String summary, List<Long> personIds) {
    }

    /** A consent to record in a case for one of its people. */
    public record NewConsent(Long personId, String kind, String givenOn, String scope) {
    }

    static final int SUMMARY_MAX = CaseworkLimits.REFERRAL_SUMMARY.max();
    static final int OVERRIDE_MIN = 10;

    private static final RowMapper<Referral> REFERRAL = (rs, n) -> new Referral(rs.getLong("id"), rs.getLong("case_id"),
            UnitCode.of(rs.getString("from_unit")), ReferralTargetKind.of(rs.getString("target_kind")),
            rs.getString("to_unit") == null ? null : UnitCode.of(rs.getString("to_unit")),
            rs.getString("municipality") == null ? null : MunicipalityCode.of(rs.getString("municipality")),
            rs.getString("recipient_name"), rs.getString("summary"), ReferralState.of(rs.getString("state")),
            rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "sent_at"), instant(rs, "answered_at"),
            instant(rs, "closed_at"), ReferralClosing.of(rs.getString("closed_how")), rs.getString("decline_reason"), rs.getString("override_reason"),
            rs.getString("override_by"), false, List.of(), List.of());

    private static final RowMapper<Consent> CONSENT = (rs, n) -> new Consent(rs.getLong("id"), rs.getLong("case_id"),
            rs.getLong("person_id"), ConsentKind.of(rs.getString("kind")), rs.getObject("given_on", LocalDate.class),
            rs.getString("scope"), rs.getString("recorded_by"), instant(rs, "recorded_at"));

    private static final RowMapper<Referral.Event> EVENT = (rs, n) -> new Referral.Event(
            rs.getString("from_state") == null ? null : ReferralState.of(rs.getString("from_state")),
            ReferralState.of(rs.getString("to_state")), rs.getString("actor"), instant(rs, "occurred_at"),
            rs.getString("note"));

    /** Who may see a referral ({@code r}): the sending unit, and the receiving unit once it was sent. */
    private static final String VISIBLE_REFERRAL = """
            (r.from_unit = ANY(:units) OR (r.to_unit = ANY(:units) AND r.sent_at IS NOT NULL))""";

    private final JdbcClient jdbc;
    private final CaseAccess access;
    private final AuditLog audit;
    private final UnitDirectory units;
    private final Municipalities municipalities;
    private final Clock clock;

    Referrals(JdbcClient jdbc, CaseAccess access, AuditLog audit, UnitDirectory units, Municipalities municipalities,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.units = units;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- consents

    /** Records a person's consent in a case of the user's own unit; the person must be in the case. */
    @Transactional
    public long recordConsent(long caseId, NewConsent input) {
        var scope = access.scope();
        requireWorker(scope.user());
        UnitCode unit = caseUnit(scope, caseId);
        if (!access.inOwnUnit(scope, unit)) {
            throw new AccessDeniedException("Only the case's own unit records consents");
        }
        var in = Input.of(clock);
        if (input.personId() == null || !casePeople(caseId).contains(input.personId())) {
            in.reject("personId", "consent.error.person");
        }
        ConsentKind kind = in.requiredCode("kind", input.kind(), ConsentKind.class, "consent.error.kind");
        LocalDate givenOn = in.requiredDate("givenOn", input.givenOn(), in.past(), "consent.error.givenOn");
        String scopeText = in.required("scope", input.scope(), CaseworkLimits.CONSENT_SCOPE, "consent.error.scope");
        in.check();
        long id = jdbc.sql("""
                INSERT INTO casework.consents (case_id, person_id, kind, given_on, scope, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(caseId, input.personId(), kind.code(), givenOn, scopeText, scope.user().username(), now())
                .query(Long.class).single();
        audit.change(AuditSubject.PERSON, input.personId(), "consent " + id + " (" + kind.code()
                + ") recorded in case " + caseId);
        return id;
    }

    /** The consents recorded in a case the user may see, newest first; audited as a read of the case. */
    @Transactional
    public List<Consent> consents(long caseId) {
        var scope = access.scope();
        access.requireRecords(scope, caseId);
        List<Consent> consents = jdbc.sql("SELECT * FROM casework.consents WHERE case_id = ? ORDER BY given_on DESC, id DESC")
                .param(caseId).query(CONSENT).list();
        if (!consents.isEmpty()) {
            audit.read(AuditSubject.CASE, caseId, ReadPurpose.CONSENTS);
        }
        return consents;
    }

    // ---------------------------------------------------------------- reading

    /** A referral the user may see (sending unit; receiving unit once sent), audited with the purpose. */
    @Transactional
    public Optional<Referral> find(long id, ReadPurpose purpose) {
        var scope = access.scope();
        Optional<Referral> found = scope.bind(jdbc.sql("SELECT r.* FROM casework.referrals r WHERE r.id = :id AND "
                + VISIBLE_REFERRAL)).param("id", id).query(REFERRAL).optional();
        found.ifPresent(r -> audit.read(AuditSubject.REFERRAL, id, purpose));
        return found.map(r -> complete(scope, forReader(scope, r)));
    }

    /** The referrals of a case the user may see: all of them for the case's own unit, else those to the user's units. */
    @Transactional
    public List<Referral> ofCase(long caseId) {
        var scope = access.scope();
        if (!access.caseVisible(scope, caseId)) {
            throw CaseAccess.notFound();
        }
        List<Referral> list = scope.bind(jdbc.sql("SELECT r.* FROM casework.referrals r WHERE r.case_id = :case AND "
                + VISIBLE_REFERRAL + " ORDER BY r.id DESC")).param("case", caseId).query(REFERRAL).list();
        audit.readAll(AuditSubject.REFERRAL, list.stream().map(r -> String.valueOf(r.id())).toList(), ReadPurpose.CASE_PAGE);
        return list.stream().map(r -> forReader(scope, r)).toList();
    }

    /**
     * Referrals sent to the user's units: those awaiting an answer first, then the answered and closed ones
     * (newest first). Each is audited, since the handover summary is personal data.
     */
    @Transactional
    public List<Referral> incoming() {
        var scope = access.scope();
        List<Referral> list = scope.bind(jdbc.sql("""
                SELECT r.* FROM casework.referrals r
                 WHERE r.to_unit = ANY(:units) AND r.sent_at IS NOT NULL
                 ORDER BY (r.state = 'sent') DESC, r.sent_at DESC LIMIT 200""")).query(REFERRAL).list();
        audit.readAll(AuditSubject.REFERRAL, list.stream().map(r -> String.valueOf(r.id())).toList(), ReadPurpose.INCOMING_LIST);
        return list.stream().map(r -> forReader(scope, r)).toList();
    }

    /** Referrals awaiting an answer from the current user's units: ids and senders only (for reminders, no personal data). */
    List<Referral> awaitingAnswer() {
        var user = CurrentUser.get();
        if (user.isEmpty() || user.get().units().isEmpty()
                || !user.get().may(Permission.ANSWER_REFERRALS)) {
            return List.of();
        }
        String[] unitCodes = user.get().units().stream().map(UnitCode::value).toArray(String[]::new);
        return jdbc.sql("SELECT r.* FROM casework.referrals r WHERE r.to_unit = ANY(?) AND r.state = 'sent' ORDER BY r.sent_at")
                .param(unitCodes).query(REFERRAL).list();
    }

    // ---------------------------------------------------------------- transitions

    /** Creates a draft referral of a case of the user's own unit. */
    @Transactional
    public long create(long caseId, NewReferral input) {
        var scope = access.scope();
        requireWorker(scope.user());
        UnitCode caseUnit = caseUnit(scope, caseId);
        if (!access.inOwnUnit(scope, caseUnit)) {
            throw new AccessDeniedException("Only the case's own unit refers the case");
        }
        var in = Input.of(clock);
        ReferralTargetKind kind = in.requiredCode("targetKind", input.targetKind(), ReferralTargetKind.class,
                "referral.error.targetKind");
        UnitCode toUnit = null;
        MunicipalityCode municipality = null;
        String recipient = null;
        if (kind == null) {
            // named above
        } else if (kind == ReferralTargetKind.UNIT) {
            String code = Input.blankToNull(input.unit());
            Optional<Unit> unit = code != null && UnitCode.isValid(code) ? units.find(UnitCode.of(code)) : Optional.empty();
            if (unit.isEmpty() || !unit.get().active()) {
                in.reject("unit", "referral.error.unit");
            } else if (unit.get().code().equals(caseUnit)) {
                in.reject("unit", "referral.error.ownUnit");
            } else {
                toUnit = unit.get().code();
                recipient = unit.get().name();
            }
        } else if (kind == ReferralTargetKind.MUNICIPALITY) {
            String code = Input.blankToNull(input.municipality());
            Optional<Municipality> m = code != null && MunicipalityCode.isValid(code)
                    ? municipalities.find(MunicipalityCode.of(code)) : Optional.empty();
            if (m.isEmpty()) {
                in.reject("municipality", "referral.error.municipality");
            } else {
                municipality = m.get().code();
                recipient = m.get().name();
            }
        } else {
            recipient = in.required("recipientName", input.recipientName(), CaseworkLimits.REFERRAL_RECIPIENT,
                    "referral.error.recipientName");
        }
        String summary = in.text("summary", input.summary(), SUMMARY_MAX, "referral.error.summaryLength");
        List<Long> inCase = casePeople(caseId);
        List<Long> people = input.personIds() == null ? inCase
                : List.copyOf(new LinkedHashSet<>(input.personIds().stream().filter(java.util.Objects::nonNull).toList()));
        if (people.isEmpty() || !inCase.containsAll(people)) {
            in.reject("personIds", "referral.error.people");
        }
        in.check();
        long id = jdbc.sql("""
                INSERT INTO casework.referrals (case_id, from_unit, target_kind, to_unit, municipality, recipient_name,
                                                summary, created_by, created_at)
                VALUES (:case, :from, :kind, :to, :m, :recipient, :summary, :by, :at) RETURNING id""")
                .param("case", caseId).param("from", caseUnit.value()).param("kind", kind.code())
                .param("to", toUnit == null ? null : toUnit.value())
                .param("m", municipality == null ? null : municipality.value()).param("recipient", recipient)
                .param("summary", summary).param("by", scope.user().username()).param("at", now())
                .query(Long.class).single();
        for (long person : people) {
            jdbc.sql("INSERT INTO casework.referral_people (referral_id, person_id) VALUES (?, ?)").params(id, person).update();
        }
        event(id, null, ReferralState.DRAFT, scope.user(), null);
        audit.change(AuditSubject.REFERRAL, id, "created for case " + caseId + " to " + kind.code()
                + (toUnit != null ? " " + toUnit.value() : municipality != null ? " " + municipality.value() : ""));
        return id;
    }

    /** Saves the handover summary of a draft (the page also saves it as the user types). */
    @Transactional
    public void saveDraft(long id, String summary) {
        var scope = access.scope();
        Referral r = locked(scope, id);
        requireState(r, ReferralState.DRAFT, "referral.action.edit");
        requireSender(scope, r, "referral.action.edit");
        var in = Input.of(clock);
        String text = in.text("summary", summary, SUMMARY_MAX, "referral.error.summaryLength");
        in.check();
        jdbc.sql("UPDATE casework.referrals SET summary = ? WHERE id = ?").params(text, id).update();
        audit.change(AuditSubject.REFERRAL, id, "summary saved");
    }

    /**
     * Sends a draft (with its summary, when given). An external referral needs every person's consent; without
     * it a MANAGER of the case's unit may override with a written reason, which is stored and audited.
     */
    @Transactional
    public ReferralState send(long id, String summary, String overrideReason) {
        var scope = access.scope();
        Referral r = locked(scope, id);
        requireState(r, ReferralState.DRAFT, "referral.action.send");
        requireSender(scope, r, "referral.action.send");
        var in = Input.of(clock);
        String reason = in.text("overrideReason", overrideReason, CaseworkLimits.REFERRAL_OVERRIDE_REASON);
        String text = summary == null ? r.summary()
                : in.text("summary", summary, SUMMARY_MAX, "referral.error.summaryLength");
        in.check();
        if (reason != null && !scope.user().hasRole(Role.MANAGER)) {
            throw new AccessDeniedException("Only a manager of the case's unit overrides a missing consent");
        }
        if (text == null) {
            throw InvalidInput.of("summary", "referral.error.summary");
        }
        if (text.length() > SUMMARY_MAX) {
            throw InvalidInput.of("summary", "referral.error.summaryLength", SUMMARY_MAX);
        }
        String note = null;
        boolean overridden = false;
        if (r.external()) {
            Map<Long, Consent> covering = covering(r.caseId(), referralPeople(id));
            List<Long> missing = covering.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey)
                    .toList();
            if (!missing.isEmpty()) {
                if (reason == null) {
                    throw new ConsentMissing(missing, covering.size());
                }
                if (reason.length() < OVERRIDE_MIN || reason.length() > 1000) {
                    throw InvalidInput.of("overrideReason", "referral.error.overrideReason", OVERRIDE_MIN);
                }
                overridden = true;
                note = reason;
            }
            covering.forEach((person, consent) -> {
                if (consent != null) {
                    jdbc.sql("UPDATE casework.referral_people SET consent_id = ? WHERE referral_id = ? AND person_id = ?")
                            .params(consent.id(), id, person).update();
                }
            });
        }
        jdbc.sql("""
                UPDATE casework.referrals SET summary = :summary, state = 'sent', sent_at = :now,
                       override_reason = :reason, override_by = :by WHERE id = :id""")
                .param("summary", text).param("now", now()).param("reason", overridden ? reason : null)
                .param("by", overridden ? scope.user().username() : null).param("id", id).update();
        if (overridden) {
            audit.record(AuditEvent.of(AuditKind.CHANGE).subject(AuditSubject.REFERRAL, id).purpose(ReadPurpose.EXTERNAL_REFERRAL)
                    .details("consent override"));
        }
        transition(r, ReferralState.SENT, scope.user(), note);
        return ReferralState.SENT;
    }

    /**
     * The receiving unit accepts a sent internal referral: while it stays accepted, the receiving unit reads the case's
     * facts and the people the referral names (see {@link CaseAccess}) — the share is the referral's state.
     */
    @Transactional
    public ReferralState accept(long id) {
        var scope = access.scope();
        Referral r = locked(scope, id);
        requireState(r, ReferralState.ACCEPTED, "referral.action.accept");
        requireReceiver(scope, r, "referral.action.accept");
        jdbc.sql("UPDATE casework.referrals SET state = 'accepted', answered_at = ? WHERE id = ?").params(now(), id).update();
        audit.change(AuditSubject.CASE, r.caseId(), "shared with " + r.toUnit().value() + " by referral " + id
                + ": people " + referralPeople(id));
        transition(r, ReferralState.ACCEPTED, scope.user(), null);
        return ReferralState.ACCEPTED;
    }

    /** The receiving unit declines a sent internal referral, with a reason; the case stays hidden from it. */
    @Transactional
    public ReferralState decline(long id, String reason) {
        var scope = access.scope();
        Referral r = locked(scope, id);
        requireState(r, ReferralState.DECLINED, "referral.action.decline");
        requireReceiver(scope, r, "referral.action.decline");
        var in = Input.of(clock);
        String why = in.required("reason", reason, CaseworkLimits.REFERRAL_DECLINE_REASON, "referral.error.declineReason");
        in.check();
        jdbc.sql("UPDATE casework.referrals SET state = 'declined', answered_at = ?, decline_reason = ? WHERE id = ?")
                .params(now(), why, id).update();
        transition(r, ReferralState.DECLINED, scope.user(), why);
        return ReferralState.DECLINED;
    }

    /**
     * Closes a referral: the sender withdraws a draft or a sent one, or closes an external one once answered;
     * either unit closes an accepted handover when it is done. The note is optional.
     */
    @Transactional
    public ReferralState close(long id, String note) {
        var scope = access.scope();
        Referral r = locked(scope, id);
        requireState(r, ReferralState.CLOSED, "referral.action.close");
        boolean receiverClosingHandover = r.state() == ReferralState.ACCEPTED && r.toUnit() != null
                && scope.user().belongsTo(r.toUnit());
        if (!receiverClosingHandover) {
            requireSender(scope, r, "referral.action.close");
        }
        requireWorker(scope.user());
        var in = Input.of(clock);
        String text = in.text("note", note, CaseworkLimits.REFERRAL_NOTE.max(), "referral.error.note");
        in.check();
        boolean done = r.state() == ReferralState.ACCEPTED || (r.state() == ReferralState.SENT && r.external());
        end(r, done ? ReferralClosing.DONE : ReferralClosing.WITHDRAWN, scope.user(), text);
        return ReferralState.CLOSED;
    }

    /**
     * A MANAGER of the sending unit ends the share of an accepted handover before the work is done (e.g. it was made
     * in error or is no longer needed), with a written reason: the referral is closed as revoked and the receiving unit
     * no longer sees the case or its people.
     */
    @Transactional
    public ReferralState revoke(long id, String reason) {
        var scope = access.scope();
        Referral r = locked(scope, id);
        requireState(r, ReferralState.CLOSED, "referral.action.revoke");
        if (r.state() != ReferralState.ACCEPTED) {
            throw new ReferralRefused("referral.refused.state", message("referral.action.revoke"),
                    message("referral.statePhrase." + r.state().code()));
        }
        requireSender(scope, r, "referral.action.revoke");
        if (!scope.user().hasRole(Role.MANAGER)) {
            throw new AccessDeniedException("Only a manager of the sending unit revokes a handover");
        }
        var in = Input.of(clock);
        int max = CaseworkLimits.REFERRAL_NOTE.max();
        String why = in.required("reason", reason, max, "referral.error.revokeReason");
        if (why != null && why.codePointCount(0, why.length()) < OVERRIDE_MIN) {
            in.reject("reason", "referral.error.revokeReason", max);
        }
        in.check();
        end(r, ReferralClosing.REVOKED, scope.user(), why);
        return ReferralState.CLOSED;
    }

    /** Closes the referral; an accepted handover's share ends with it, which the case's audit trail records. */
    private void end(Referral r, ReferralClosing how, CurrentUser user, String note) {
        jdbc.sql("UPDATE casework.referrals SET state = 'closed', closed_at = ?, closed_how = ? WHERE id = ?")
                .params(now(), how.code(), r.id()).update();
        if (r.state() == ReferralState.ACCEPTED) {
            audit.change(AuditSubject.CASE, r.caseId(), "share with " + r.toUnit().value() + " by referral "
                    + r.id() + " ended (" + how.code() + ")");
        }
        transition(r, ReferralState.CLOSED, user, note);
    }

    // ---------------------------------------------------------------- internals

    private Referral locked(CaseAccess.Scope scope, long id) {
        return scope.bind(jdbc.sql("SELECT r.* FROM casework.referrals r WHERE r.id = :id AND " + VISIBLE_REFERRAL
                + " FOR UPDATE")).param("id", id).query(REFERRAL).optional().orElseThrow(CaseAccess::notFound);
    }

    private Referral forReader(CaseAccess.Scope scope, Referral r) {
        return r.forReader(access.inOwnUnit(scope, r.fromUnit()));
    }

    private Referral complete(CaseAccess.Scope scope, Referral r) {
        boolean caseVisible = access.caseVisible(scope, r.caseId());
        List<Referral.Event> history = jdbc.sql("SELECT * FROM casework.referral_events WHERE referral_id = ? ORDER BY id")
                .param(r.id()).query(EVENT).list();
        if (!caseVisible) {
            return r.with(false, List.of(), history);
        }
        List<Long> ids = referralPeople(r.id());
        Map<Long, Consent> consents = r.state() == ReferralState.DRAFT ? covering(r.caseId(), ids) : usedConsents(r.id());
        // only the people the reader may see: a receiving unit sees those its own open share names, never more
        Map<Long, Person> persons = scope.bind(jdbc.sql("SELECT * FROM casework.persons p WHERE p.id = ANY(:ids) AND "
                + CaseAccess.VISIBLE_PERSON)).param("ids", ids.toArray(Long[]::new)).query(People.PERSON).list().stream()
                .collect(Collectors.toMap(Person::id, Function.identity()));
        List<Referral.Member> members = ids.stream().filter(persons::containsKey)
                .map(p -> new Referral.Member(persons.get(p).masked(), consents.get(p))).toList();
        return r.with(true, members, history);
    }

    /** For each person, the newest consent recorded in the case and given by today (null: none). */
    private Map<Long, Consent> covering(long caseId, List<Long> people) {
        var result = new java.util.LinkedHashMap<Long, Consent>();
        people.forEach(p -> result.put(p, null));
        jdbc.sql("""
                SELECT DISTINCT ON (person_id) * FROM casework.consents
                 WHERE case_id = ? AND person_id = ANY(?) AND given_on <= ?
                 ORDER BY person_id, given_on DESC, id DESC""")
                .params(caseId, people.toArray(Long[]::new), LocalDate.now(clock)).query(CONSENT).list()
                .forEach(c -> result.put(c.personId(), c));
        return result;
    }

    /** The consents that covered each person when the referral was sent. */
    private Map<Long, Consent> usedConsents(long referralId) {
        var result = new java.util.HashMap<Long, Consent>();
        jdbc.sql("""
                SELECT c.* FROM casework.referral_people rp JOIN casework.consents c ON c.id = rp.consent_id
                 WHERE rp.referral_id = ?""").param(referralId).query(CONSENT).list()
                .forEach(c -> result.put(c.personId(), c));
        return result;
    }

    private List<Long> referralPeople(long referralId) {
        return jdbc.sql("SELECT person_id FROM casework.referral_people WHERE referral_id = ? ORDER BY person_id")
                .param(referralId).query(Long.class).list();
    }

    private List<Long> casePeople(long caseId) {
        return jdbc.sql("SELECT person_id FROM casework.case_people WHERE case_id = ? ORDER BY person_id")
                .param(caseId).query(Long.class).list();
    }

    private UnitCode caseUnit(CaseAccess.Scope scope, long caseId) {
        if (!access.caseVisible(scope, caseId)) {
            throw CaseAccess.notFound();
        }
        return UnitCode.of(jdbc.sql("SELECT unit_code FROM casework.cases WHERE id = ?").param(caseId)
                .query(String.class).single());
    }

    private void requireSender(CaseAccess.Scope scope, Referral r, String action) {
        if (!access.inOwnUnit(scope, r.fromUnit())) {
            throw new ReferralRefused("referral.refused.senderOnly", message(action), r.fromUnit().value());
        }
        requireWorker(scope.user());
    }

    private void requireReceiver(CaseAccess.Scope scope, Referral r, String action) {
        if (r.external()) {
            throw new ReferralRefused("referral.refused.external", message(action));
        }
        if (!scope.user().belongsTo(r.toUnit())) {
            throw new ReferralRefused("referral.refused.receiverOnly", message(action), r.toUnit().value());
        }
        if (!scope.user().may(Permission.ANSWER_REFERRALS)) {
            throw new AccessDeniedException("Caseworkers and managers of the receiving unit answer a referral");
        }
    }

    /** The state machine's rule: the move must be allowed from the current state (for an edit: still a draft). */
    private static void requireState(Referral r, ReferralState next, String action) {
        boolean allowed = next == ReferralState.DRAFT ? r.state() == ReferralState.DRAFT : r.state().canMoveTo(next);
        if (!allowed) {
            throw new ReferralRefused("referral.refused.state", message(action),
                    message("referral.statePhrase." + r.state().code()));
        }
    }

    private static void requireWorker(CurrentUser user) {
        if (!user.may(Permission.CASE_WORK)) {
            throw new AccessDeniedException("Referrals are made by caseworkers, managers and coordinators");
        }
    }

    private void transition(Referral r, ReferralState to, CurrentUser user, String note) {
        event(r.id(), r.state(), to, user, note);
        audit.change(AuditSubject.REFERRAL, r.id(), r.state().code() + " -> " + to.code());
    }

    private void event(long referralId, ReferralState from, ReferralState to, CurrentUser user, String note) {
        jdbc.sql("""
                INSERT INTO casework.referral_events (referral_id, from_state, to_state, actor, occurred_at, note)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(referralId, from == null ? null : from.code(), to.code(), user.username(), now(), note).update();
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    private static DefaultMessageSourceResolvable message(String key) {
        return new DefaultMessageSourceResolvable(key);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
