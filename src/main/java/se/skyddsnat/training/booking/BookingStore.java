package se.skyddsnat.training.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.skyddsnat.shared.Input;
import se.skyddsnat.training.Profession;

/** The SQL of bookings, their tokens and offers. */
@Repository
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class BookingStore {

	private final JdbcClient jdbc;

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null
				: OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		var t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	private static Booking booking(ResultSet rs) throws SQLException {
		return new Booking(rs.getLong("id"), rs.getLong("session_id"), rs.getString("name"), rs.getString("email"),
				rs.getString("municipality"), rs.getString("organisation"),
				Input.codeOf(Profession.class, rs.getString("role")), rs.getString("needs"),
				Input.codeOf(BookingState.class, rs.getString("state")), rs.getString("lang"),
				instant(rs, "created_at"), instant(rs, "queued_at"));
	}

	record NewBooking(long sessionId, String name, String email, String municipality, String organisation,
			Profession role, String needs, String lang) {
	}

	/** Whether the e-mail already has a booking of the session that is not cancelled. */
	boolean hasActive(long sessionId, String email) {
		return jdbc
			.sql("SELECT count(*) FROM training.bookings WHERE session_id = ? AND lower(email) = lower(?) "
					+ "AND state <> 'cancelled'")
			.params(sessionId, email)
			.query(Long.class)
			.single() > 0;
	}

	long insert(NewBooking b, Instant now) {
		return jdbc.sql("""
				INSERT INTO training.bookings (session_id, name, email, municipality, organisation, role, needs, lang,
				       state, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'unconfirmed', ?) RETURNING id""")
			.params(b.sessionId(), b.name(), b.email(), b.municipality(), b.organisation(), b.role().code(), b.needs(),
					b.lang(), utc(now))
			.query(Long.class)
			.single();
	}

	public Optional<Booking> find(long id) {
		return jdbc.sql("SELECT * FROM training.bookings WHERE id = ?")
			.param(id)
			.query((rs, n) -> booking(rs))
			.optional();
	}

	public List<Booking> ofSession(long sessionId) {
		return jdbc.sql("SELECT * FROM training.bookings WHERE session_id = ? ORDER BY municipality, name, id")
			.param(sessionId)
			.query((rs, n) -> booking(rs))
			.list();
	}

	List<Booking> inStates(long sessionId, List<BookingState> states) {
		return jdbc.sql("SELECT * FROM training.bookings WHERE session_id = ? AND state = ANY (?) ORDER BY id")
			.params(sessionId, states.stream().map(BookingState::code).toArray(String[]::new))
			.query((rs, n) -> booking(rs))
			.list();
	}

	/** The waitlist in its order: the moment each booking was confirmed. */
	List<Booking> waiting(long sessionId) {
		return jdbc
			.sql("SELECT * FROM training.bookings WHERE session_id = ? AND state = 'waitlisted' "
					+ "ORDER BY queued_at, id")
			.param(sessionId)
			.query((rs, n) -> booking(rs))
			.list();
	}

	/** Whether anyone waits for a seat (on the waitlist, or with an open offer). */
	boolean anyoneWaiting(long sessionId) {
		return jdbc
			.sql("SELECT count(*) FROM training.bookings WHERE session_id = ? AND state IN ('waitlisted', 'offered')")
			.param(sessionId)
			.query(Long.class)
			.single() > 0;
	}

	/** The seats taken (booked, offered, attended) per municipality. */
	Map<String, Integer> taken(long sessionId) {
		var taken = new HashMap<String, Integer>();
		jdbc.sql("SELECT municipality, count(*) FROM training.bookings WHERE session_id = ? "
				+ "AND state IN ('booked', 'offered', 'attended') GROUP BY municipality")
			.param(sessionId)
			.query((rs, n) -> taken.put(rs.getString(1), rs.getInt(2)))
			.list();
		return taken;
	}

	void setState(long id, BookingState state, Instant now) {
		jdbc.sql("""
				UPDATE training.bookings SET state = ?,
				       cancelled_at = CASE WHEN ? = 'cancelled' THEN ? ELSE cancelled_at END
				 WHERE id = ?""").params(state.code(), state.code(), utc(now), id).update();
	}

	void confirm(long id, BookingState state, Instant now) {
		jdbc.sql("UPDATE training.bookings SET state = ?, confirmed_at = ?, queued_at = ? WHERE id = ?")
			.params(state.code(), utc(now), utc(now), id)
			.update();
	}

	/** Deletes one attendee's data and adds them to the session's kept counts. */
	void purgeOne(long id) {
		jdbc.sql(
				"""
						INSERT INTO training.session_counts (session_id, municipality, role, booked, attended)
						SELECT session_id, municipality, role, 1, 1 FROM training.bookings WHERE id = ?
						ON CONFLICT (session_id, municipality, role)
						DO UPDATE SET booked = training.session_counts.booked + 1, attended = training.session_counts.attended + 1""")
			.param(id)
			.update();
		delete(id);
	}

	void delete(long id) {
		jdbc.sql("DELETE FROM training.bookings WHERE id = ?").param(id).update();
	}

	/** Deletes the unconfirmed bookings made before {@code before}; returns how many. */
	int deleteUnconfirmedBefore(Instant before) {
		return jdbc.sql("DELETE FROM training.bookings WHERE state = 'unconfirmed' AND created_at <= ?")
			.param(utc(before))
			.update();
	}

	// tokens

	record TokenRow(long bookingId, String purpose, Instant expiresAt, Instant usedAt) {
	}

	void insertToken(byte[] hash, long bookingId, String purpose, Instant expiresAt) {
		jdbc.sql("INSERT INTO training.tokens (hash, booking_id, purpose, expires_at) VALUES (?, ?, ?, ?)")
			.params(hash, bookingId, purpose, utc(expiresAt))
			.update();
	}

	Optional<TokenRow> token(byte[] hash, String purpose) {
		return jdbc
			.sql("SELECT booking_id, purpose, expires_at, used_at FROM training.tokens WHERE hash = ? AND purpose = ?")
			.params(hash, purpose)
			.query((rs, n) -> new TokenRow(rs.getLong(1), rs.getString(2), instant(rs, "expires_at"),
					instant(rs, "used_at")))
			.optional();
	}

	void useToken(byte[] hash, Instant now) {
		jdbc.sql("UPDATE training.tokens SET used_at = ? WHERE hash = ?").params(utc(now), hash).update();
	}

	void deleteToken(byte[] hash) {
		jdbc.sql("DELETE FROM training.tokens WHERE hash = ?").param(hash).update();
	}

	// offers

	long insertOffer(long sessionId, long bookingId, Instant now, Instant expires) {
		return jdbc
			.sql("INSERT INTO training.offers (session_id, booking_id, offered_at, expires_at) VALUES (?, ?, ?, ?) "
					+ "RETURNING id")
			.params(sessionId, bookingId, utc(now), utc(expires))
			.query(Long.class)
			.single();
	}

	record OpenOffer(long id, long sessionId, long bookingId, Instant expiresAt) {
	}

	Optional<OpenOffer> openOffer(long bookingId) {
		return jdbc
			.sql("SELECT id, session_id, booking_id, expires_at FROM training.offers WHERE booking_id = ? "
					+ "AND outcome = 'open'")
			.param(bookingId)
			.query((rs, n) -> new OpenOffer(rs.getLong(1), rs.getLong(2), rs.getLong(3), instant(rs, "expires_at")))
			.optional();
	}

	List<OpenOffer> dueOffers(Instant now) {
		return jdbc
			.sql("SELECT id, session_id, booking_id, expires_at FROM training.offers WHERE outcome = 'open' "
					+ "AND expires_at <= ? ORDER BY expires_at, id LIMIT 500")
			.param(utc(now))
			.query((rs, n) -> new OpenOffer(rs.getLong(1), rs.getLong(2), rs.getLong(3), instant(rs, "expires_at")))
			.list();
	}

	void decideOffer(long offerId, String outcome, Instant now) {
		jdbc.sql("UPDATE training.offers SET outcome = ?, decided_at = ? WHERE id = ? AND outcome = 'open'")
			.params(outcome, utc(now), offerId)
			.update();
	}

	public List<Offer> offers(long sessionId) {
		return jdbc.sql("""
				SELECT o.*, b.name FROM training.offers o LEFT JOIN training.bookings b ON b.id = o.booking_id
				 WHERE o.session_id = ? ORDER BY o.offered_at, o.id""")
			.param(sessionId)
			.query((rs, n) -> new Offer(rs.getLong("id"), (Long) rs.getObject("booking_id"), rs.getString("name"),
					instant(rs, "offered_at"), instant(rs, "expires_at"), rs.getString("outcome"),
					instant(rs, "decided_at")))
			.list();
	}

	// the jobs' queries

	List<Long> sessionsToRelease(Instant now, java.time.LocalDate today) {
		return jdbc.sql("""
				SELECT s.id FROM training.sessions s
				 WHERE s.state = 'published' AND s.quotas_released_at IS NULL AND s.starts_at > ?
				   AND EXISTS (SELECT FROM training.quotas q WHERE q.session_id = s.id)
				   AND (s.starts_at AT TIME ZONE 'Europe/Stockholm')::date - s.quota_release_days <= ?""")
			.params(utc(now), today)
			.query(Long.class)
			.list();
	}

	void markReleased(long sessionId, Instant now) {
		jdbc.sql("UPDATE training.sessions SET quotas_released_at = ? WHERE id = ?")
			.params(utc(now), sessionId)
			.update();
	}

	List<Long> sessionsToRemind(Instant now, Instant until) {
		return jdbc.sql("""
				SELECT id FROM training.sessions WHERE state = 'published' AND reminder_sent_at IS NULL
				   AND starts_at > ? AND starts_at <= ?""").params(utc(now), utc(until)).query(Long.class).list();
	}

	boolean markReminded(long sessionId, Instant now) {
		return jdbc.sql("UPDATE training.sessions SET reminder_sent_at = ? WHERE id = ? AND reminder_sent_at IS NULL")
			.params(utc(now), sessionId)
			.update() == 1;
	}

	List<Long> attendedToEvaluate(Instant now, Instant endedAfter) {
		return jdbc.sql("""
				SELECT b.id FROM training.bookings b JOIN training.sessions s ON s.id = b.session_id
				 WHERE b.state = 'attended' AND NOT b.evaluation_sent AND s.ends_at <= ? AND s.ends_at > ?
				 ORDER BY b.id LIMIT 500""").params(utc(now), utc(endedAfter)).query(Long.class).list();
	}

	boolean markEvaluationSent(long bookingId) {
		return jdbc.sql("UPDATE training.bookings SET evaluation_sent = true WHERE id = ? AND NOT evaluation_sent")
			.param(bookingId)
			.update() == 1;
	}

	void setAttended(long sessionId, java.util.Collection<Long> attended) {
		Long[] ids = attended.toArray(Long[]::new);
		jdbc.sql(
				"UPDATE training.bookings SET state = 'attended' WHERE session_id = ? AND state = 'booked' AND id = ANY (?)")
			.params(sessionId, ids)
			.update();
		jdbc.sql("UPDATE training.bookings SET state = 'booked' WHERE session_id = ? AND state = 'attended' "
				+ "AND NOT (id = ANY (?))")
			.params(sessionId, ids)
			.update();
	}

	List<Long> sessionsToPurge(Instant endedBefore) {
		return jdbc
			.sql("SELECT id FROM training.sessions WHERE purged_at IS NULL AND ends_at < ? ORDER BY id LIMIT 100")
			.param(utc(endedBefore))
			.query(Long.class)
			.list();
	}

	/**
	 * Keeps the session's counts by municipality and profession, deletes its bookings;
	 * returns how many went.
	 */
	int purge(long sessionId, Instant now) {
		jdbc.sql("""
				INSERT INTO training.session_counts (session_id, municipality, role, booked, attended)
				SELECT session_id, municipality, role, count(*) FILTER (WHERE state IN ('booked', 'attended')),
				       count(*) FILTER (WHERE state = 'attended')
				  FROM training.bookings WHERE session_id = ? GROUP BY session_id, municipality, role
				ON CONFLICT (session_id, municipality, role) DO UPDATE
				   SET booked = training.session_counts.booked + EXCLUDED.booked,
				       attended = training.session_counts.attended + EXCLUDED.attended""").param(sessionId).update();
		int deleted = jdbc.sql("DELETE FROM training.bookings WHERE session_id = ?").param(sessionId).update();
		jdbc.sql("UPDATE training.sessions SET purged_at = ? WHERE id = ?").params(utc(now), sessionId).update();
		return deleted;
	}

	// the spam guard

	long attemptsSince(byte[] key, Instant since) {
		return jdbc.sql("SELECT count(*) FROM training.attempts WHERE key_hash = ? AND at > ?")
			.params(key, utc(since))
			.query(Long.class)
			.single();
	}

	void attempt(byte[] key, Instant now) {
		jdbc.sql("INSERT INTO training.attempts (key_hash, at) VALUES (?, ?)").params(key, utc(now)).update();
	}

	int deleteAttemptsBefore(Instant before) {
		return jdbc.sql("DELETE FROM training.attempts WHERE at < ?").param(utc(before)).update();
	}

}
