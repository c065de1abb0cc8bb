package se.skyddsnat.casework.referral;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.skyddsnat.casework.core.CaseAccess;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;

/**
 * The SQL of referrals, their people, history and the consents, one query per question.
 * Who may see a referral is one condition ({@link #VISIBLE_REFERRAL}); nothing here
 * audits.
 */
@Component
@RequiredArgsConstructor
class ReferralStore {

	/**
	 * Who may see a referral ({@code r}): the sending unit, and the receiving unit once
	 * it was sent.
	 */
	private static final String VISIBLE_REFERRAL = """
			(r.from_unit = ANY(:units) OR (r.to_unit = ANY(:units) AND r.sent_at IS NOT NULL))""";

	private static final RowMapper<Referral> REFERRAL = (rs, n) -> new Referral(rs.getLong("id"), rs.getLong("case_id"),
			UnitCode.of(rs.getString("from_unit")), ReferralTargetKind.of(rs.getString("target_kind")),
			rs.getString("to_unit") == null ? null : UnitCode.of(rs.getString("to_unit")),
			rs.getString("municipality") == null ? null : MunicipalityCode.of(rs.getString("municipality")),
			rs.getString("recipient_name"), rs.getString("summary"), ReferralState.of(rs.getString("state")),
			rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "sent_at"), instant(rs, "answered_at"),
			instant(rs, "closed_at"), ReferralClosing.of(rs.getString("closed_how")), rs.getString("decline_reason"),
			rs.getString("override_reason"), rs.getString("override_by"), false, List.of(), List.of());

	private static final RowMapper<Consent> CONSENT = (rs, n) -> new Consent(rs.getLong("id"), rs.getLong("case_id"),
			rs.getLong("person_id"), ConsentKind.of(rs.getString("kind")), rs.getObject("given_on", LocalDate.class),
			rs.getString("scope"), rs.getString("recorded_by"), instant(rs, "recorded_at"), instant(rs, "withdrawn_at"),
			rs.getString("withdrawn_by"), rs.getString("withdraw_reason"));

	private static final RowMapper<Referral.Event> EVENT = (rs, n) -> new Referral.Event(
			rs.getString("from_state") == null ? null : ReferralState.of(rs.getString("from_state")),
			ReferralState.of(rs.getString("to_state")), rs.getString("actor"), instant(rs, "occurred_at"),
			rs.getString("note"));

	private final JdbcClient jdbc;

	Optional<Referral> find(CaseAccess.Scope scope, long id) {
		return scope.bind(jdbc.sql("SELECT r.* FROM casework.referrals r WHERE r.id = :id AND " + VISIBLE_REFERRAL))
			.param("id", id)
			.query(REFERRAL)
			.optional();
	}

	/** The referral, locked for a transition; 404 outside the scope. */
	Referral locked(CaseAccess.Scope scope, long id) {
		return scope
			.bind(jdbc
				.sql("SELECT r.* FROM casework.referrals r WHERE r.id = :id AND " + VISIBLE_REFERRAL + " FOR UPDATE"))
			.param("id", id)
			.query(REFERRAL)
			.optional()
			.orElseThrow(CaseAccess::notFound);
	}

	List<Referral> ofCase(CaseAccess.Scope scope, long caseId) {
		return scope.bind(jdbc.sql("SELECT r.* FROM casework.referrals r WHERE r.case_id = :case AND "
				+ VISIBLE_REFERRAL + " ORDER BY r.id DESC"))
			.param("case", caseId)
			.query(REFERRAL)
			.list();
	}

	/** Sent to the units: those awaiting an answer first, then the newest. */
	List<Referral> incoming(CaseAccess.Scope scope) {
		return scope.bind(jdbc.sql("""
				SELECT r.* FROM casework.referrals r
				 WHERE r.to_unit = ANY(:units) AND r.sent_at IS NOT NULL
				 ORDER BY (r.state = 'sent') DESC, r.sent_at DESC LIMIT 200""")).query(REFERRAL).list();
	}

	List<Referral> awaitingAnswer(String[] units) {
		return jdbc.sql(
				"SELECT r.* FROM casework.referrals r WHERE r.to_unit = ANY(?) AND r.state = 'sent' ORDER BY r.sent_at")
			.param(units)
			.query(REFERRAL)
			.list();
	}

	/** A new draft with its people. */
	long insert(Referral r, List<Long> people) {
		long id = jdbc.sql("""
				INSERT INTO casework.referrals (case_id, from_unit, target_kind, to_unit, municipality, recipient_name,
				                                summary, created_by, created_at)
				VALUES (:case, :from, :kind, :to, :m, :recipient, :summary, :by, :at) RETURNING id""")
			.param("case", r.caseId())
			.param("from", r.fromUnit().value())
			.param("kind", r.targetKind().code())
			.param("to", r.toUnit() == null ? null : r.toUnit().value())
			.param("m", r.municipality() == null ? null : r.municipality().value())
			.param("recipient", r.recipientName())
			.param("summary", r.summary())
			.param("by", r.createdBy())
			.param("at", Timestamp.from(r.createdAt()))
			.query(Long.class)
			.single();
		for (long person : people) {
			jdbc.sql("INSERT INTO casework.referral_people (referral_id, person_id) VALUES (?, ?)")
				.params(id, person)
				.update();
		}
		return id;
	}

	/** Stores where the referral stands now (its summary, state, times, reasons). */
	void update(Referral r) {
		jdbc.sql("""
				UPDATE casework.referrals SET summary = :summary, state = :state, sent_at = :sent,
				       answered_at = :answered, closed_at = :closed, closed_how = :how, decline_reason = :decline,
				       override_reason = :override, override_by = :overrideBy
				 WHERE id = :id""")
			.param("summary", r.summary())
			.param("state", r.state().code())
			.param("sent", timestamp(r.sentAt()))
			.param("answered", timestamp(r.answeredAt()))
			.param("closed", timestamp(r.closedAt()))
			.param("how", r.closedHow() == null ? null : r.closedHow().code())
			.param("decline", r.declineReason())
			.param("override", r.overrideReason())
			.param("overrideBy", r.overrideBy())
			.param("id", r.id())
			.update();
	}

	/**
	 * One step of the history: who moved the referral from which state (null: created) to
	 * which, and why.
	 */
	void event(long referralId, Referral.Event e) {
		jdbc.sql("""
				INSERT INTO casework.referral_events (referral_id, from_state, to_state, actor, occurred_at, note)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(referralId, e.from() == null ? null : e.from().code(), e.to().code(), e.actor(),
					Timestamp.from(e.at()), e.note())
			.update();
	}

	List<Referral.Event> history(long referralId) {
		return jdbc.sql("SELECT * FROM casework.referral_events WHERE referral_id = ? ORDER BY id")
			.param(referralId)
			.query(EVENT)
			.list();
	}

	List<Long> people(long referralId) {
		return jdbc.sql("SELECT person_id FROM casework.referral_people WHERE referral_id = ? ORDER BY person_id")
			.param(referralId)
			.query(Long.class)
			.list();
	}

	/**
	 * For each person, the newest consent recorded in the case and given by the day
	 * (null: none).
	 */
	Map<Long, Consent> covering(long caseId, List<Long> people, LocalDate day) {
		var result = new LinkedHashMap<Long, Consent>();
		people.forEach(p -> result.put(p, null));
		jdbc.sql("""
				SELECT DISTINCT ON (person_id) * FROM casework.consents
				 WHERE case_id = ? AND person_id = ANY(?) AND given_on <= ? AND withdrawn_at IS NULL
				 ORDER BY person_id, given_on DESC, id DESC""")
			.params(caseId, people.toArray(Long[]::new), day)
			.query(CONSENT)
			.list()
			.forEach(c -> result.put(c.personId(), c));
		return result;
	}

	/** The consents that covered each person when the referral was sent. */
	Map<Long, Consent> usedConsents(long referralId) {
		var result = new HashMap<Long, Consent>();
		jdbc.sql("""
				SELECT c.* FROM casework.referral_people rp JOIN casework.consents c ON c.id = rp.consent_id
				 WHERE rp.referral_id = ?""")
			.param(referralId)
			.query(CONSENT)
			.list()
			.forEach(c -> result.put(c.personId(), c));
		return result;
	}

	/**
	 * Keeps, for each person of the referral, the consent that covered them when it was
	 * sent.
	 */
	void useConsents(long referralId, Map<Long, Consent> covering) {
		covering.forEach((person, consent) -> {
			if (consent != null) {
				jdbc.sql("UPDATE casework.referral_people SET consent_id = ? WHERE referral_id = ? AND person_id = ?")
					.params(consent.id(), referralId, person)
					.update();
			}
		});
	}

	long insertConsent(long caseId, long personId, ConsentKind kind, LocalDate givenOn, String scope, String by,
			Instant at) {
		return jdbc.sql("""
				INSERT INTO casework.consents (case_id, person_id, kind, given_on, scope, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(caseId, personId, kind.code(), givenOn, scope, by, Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	/** Marks the consent withdrawn unless it is already; false then. */
	boolean withdrawConsent(long id, String by, String reason, Instant at) {
		return jdbc
			.sql("UPDATE casework.consents SET withdrawn_at = ?, withdrawn_by = ?, withdraw_reason = ? "
					+ "WHERE id = ? AND withdrawn_at IS NULL")
			.params(Timestamp.from(at), by, reason, id)
			.update() > 0;
	}

	Optional<Consent> consent(long id) {
		return jdbc.sql("SELECT * FROM casework.consents WHERE id = ?").param(id).query(CONSENT).optional();
	}

	List<Consent> consents(long caseId) {
		return jdbc.sql("SELECT * FROM casework.consents WHERE case_id = ? ORDER BY given_on DESC, id DESC")
			.param(caseId)
			.query(CONSENT)
			.list();
	}

	private static Timestamp timestamp(Instant at) {
		return at == null ? null : Timestamp.from(at);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	Delivery delivery(long id) {
		return jdbc.sql("SELECT * FROM casework.referrals WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Delivery(
					rs.getString("delivered_how") == null ? null
							: se.skyddsnat.shared.Code.of(DeliveryWay.class, rs.getString("delivered_how")),
					rs.getObject("delivered_on", java.time.LocalDate.class), rs.getString("delivered_by"),
					rs.getObject("answer_on", java.time.LocalDate.class), rs.getString("answer_text"),
					rs.getString("answer_by")))
			.single();
	}

	void recordDelivery(long id, DeliveryWay how, java.time.LocalDate on, String by) {
		jdbc.sql("UPDATE casework.referrals SET delivered_how = ?, delivered_on = ?, delivered_by = ? WHERE id = ?")
			.params(how.code(), on, by, id)
			.update();
	}

	void recordAnswer(long id, java.time.LocalDate on, String text, String by) {
		jdbc.sql("UPDATE casework.referrals SET answer_on = ?, answer_text = ?, answer_by = ? WHERE id = ?")
			.params(on, text, by, id)
			.update();
	}

}
