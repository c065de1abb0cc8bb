package se.skyddsnat.casework.review;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.skyddsnat.shared.UnitCode;

/**
 * The SQL of the access-log review: which records a manager's units answer for, and the
 * emergency accesses to review. The units' records are one condition each
 * ({@link #UNIT_CASE}, {@link #UNIT_PERSON}); parameter {@code :units} (text[]).
 */
@Component
@RequiredArgsConstructor
class ReviewStore {

	/**
	 * A case aliased {@code c}: of the units, or one their staff could read through a
	 * handover (a referral to them that was accepted, open or since closed).
	 */
	private static final String UNIT_CASE = """
			(c.unit_code = ANY(:units)
			 OR EXISTS (SELECT 1 FROM casework.referrals ur WHERE ur.case_id = c.id AND ur.to_unit = ANY(:units)
			             AND ur.state IN ('accepted', 'closed') AND ur.answered_at IS NOT NULL))""";

	/**
	 * A person aliased {@code p}: registered in the units, in a case of them, or named in
	 * a handover accepted by them.
	 */
	private static final String UNIT_PERSON = """
			(p.unit_code = ANY(:units)
			 OR EXISTS (SELECT 1 FROM casework.case_people ucp JOIN casework.cases c ON c.id = ucp.case_id
			             WHERE ucp.person_id = p.id AND c.unit_code = ANY(:units))
			 OR EXISTS (SELECT 1 FROM casework.referral_people urp JOIN casework.referrals ur ON ur.id = urp.referral_id
			             WHERE urp.person_id = p.id AND ur.to_unit = ANY(:units)
			               AND ur.state IN ('accepted', 'closed') AND ur.answered_at IS NOT NULL))""";

	private static final String GRANTS = """
			SELECT ea.*, p.unit_code FROM casework.emergency_access ea JOIN casework.persons p ON p.id = ea.person_id
			""";

	private static final RowMapper<EmergencyReviews.Grant> GRANT = (rs, n) -> new EmergencyReviews.Grant(
			rs.getLong("id"), rs.getLong("person_id"), UnitCode.of(rs.getString("unit_code")), rs.getString("username"),
			rs.getString("reason"), instant(rs.getObject("granted_at", OffsetDateTime.class)),
			instant(rs.getObject("expires_at", OffsetDateTime.class)), rs.getString("reviewed_by"),
			instant(rs.getObject("reviewed_at", OffsetDateTime.class)), rs.getString("review_note"));

	private final JdbcClient jdbc;

	// ---------------------------------------------------------------- the units' records

	/** The person's registering unit, when the person is one of the units'. */
	Optional<UnitCode> unitOfPersonIn(long personId, String[] units) {
		return jdbc.sql("SELECT p.unit_code FROM casework.persons p WHERE p.id = :id AND " + UNIT_PERSON)
			.param("id", personId)
			.param("units", units)
			.query(String.class)
			.optional()
			.map(UnitCode::of);
	}

	/** The person's registering unit, whichever it is (for ADMIN). */
	Optional<UnitCode> unitOfPerson(long personId) {
		return jdbc.sql("SELECT unit_code FROM casework.persons WHERE id = ?")
			.param(personId)
			.query(String.class)
			.optional()
			.map(UnitCode::of);
	}

	/** Every case of the person (for ADMIN). */
	List<Long> casesOfPerson(long personId) {
		return jdbc.sql("SELECT case_id FROM casework.case_people WHERE person_id = ? ORDER BY case_id")
			.param(personId)
			.query(Long.class)
			.list();
	}

	/** The person's cases that are the units'. */
	List<Long> casesOfPersonIn(long personId, String[] units) {
		return jdbc
			.sql("SELECT c.id FROM casework.cases c JOIN casework.case_people cp ON cp.case_id = c.id"
					+ " WHERE cp.person_id = :id AND " + UNIT_CASE + " ORDER BY c.id")
			.param("id", personId)
			.param("units", units)
			.query(Long.class)
			.list();
	}

	List<Long> peopleIn(String[] units) {
		return jdbc.sql("SELECT p.id FROM casework.persons p WHERE " + UNIT_PERSON)
			.param("units", units)
			.query(Long.class)
			.list();
	}

	List<Long> casesIn(String[] units) {
		return jdbc.sql("SELECT c.id FROM casework.cases c WHERE " + UNIT_CASE)
			.param("units", units)
			.query(Long.class)
			.list();
	}

	/** The emergency accesses to the units' people. */
	List<Long> emergencyAccessesIn(String[] units) {
		return jdbc
			.sql("SELECT ea.id FROM casework.emergency_access ea JOIN casework.persons p ON p.id = ea.person_id"
					+ " WHERE " + UNIT_PERSON)
			.param("units", units)
			.query(Long.class)
			.list();
	}

	/** The referrals of the cases (audited under their own subject). */
	List<Long> referralsOf(Collection<Long> caseIds) {
		return jdbc.sql("SELECT id FROM casework.referrals WHERE case_id = ANY (?) ORDER BY id")
			.param(caseIds.toArray(Long[]::new))
			.query(Long.class)
			.list();
	}

	// ---------------------------------------------------------------- emergency accesses

	/** The unreviewed accesses to the units' people, oldest first. */
	List<EmergencyReviews.Grant> unreviewedGrants(String[] units) {
		return jdbc.sql(GRANTS + " WHERE ea.reviewed_at IS NULL AND " + UNIT_PERSON + " ORDER BY ea.granted_at, ea.id")
			.param("units", units)
			.query(GRANT)
			.list();
	}

	/** The latest reviewed accesses to the units' people, newest first. */
	List<EmergencyReviews.Grant> reviewedGrants(String[] units, int limit) {
		return jdbc
			.sql(GRANTS + " WHERE ea.reviewed_at IS NOT NULL AND " + UNIT_PERSON
					+ " ORDER BY ea.reviewed_at DESC, ea.id DESC LIMIT :limit")
			.param("units", units)
			.param("limit", limit)
			.query(GRANT)
			.list();
	}

	Optional<EmergencyReviews.Grant> grantIn(long id, String[] units) {
		return jdbc.sql(GRANTS + " WHERE ea.id = :id AND " + UNIT_PERSON)
			.param("id", id)
			.param("units", units)
			.query(GRANT)
			.optional();
	}

	/** Ends an active emergency access now; false when it had ended already. */
	boolean endGrant(long id, String by, Instant now) {
		return jdbc.sql("""
				UPDATE casework.emergency_access SET expires_at = greatest(:now, granted_at + interval '1 millisecond'),
				       ended_by = :by, ended_at = :now
				 WHERE id = :id AND expires_at > :now""")
			.param("now", java.sql.Timestamp.from(now))
			.param("by", by)
			.param("id", id)
			.update() > 0;
	}

	EmergencyReviews.Grant grant(long id) {
		return jdbc.sql(GRANTS + " WHERE ea.id = ?").param(id).query(GRANT).single();
	}

	List<EmergencyReviews.Grant> grantsToPerson(long personId) {
		return jdbc.sql(GRANTS + " WHERE ea.person_id = ? ORDER BY ea.granted_at DESC, ea.id DESC")
			.param(personId)
			.query(GRANT)
			.list();
	}

	/** Marks the access reviewed; false when someone was first. */
	boolean markReviewed(long id, String by, Instant at, ZoneId zone, String note) {
		return jdbc.sql("""
				UPDATE casework.emergency_access SET reviewed_by = ?, reviewed_at = ?, review_note = ?
				 WHERE id = ? AND reviewed_at IS NULL""")
			.params(by, OffsetDateTime.ofInstant(at, zone), note, id)
			.update() > 0;
	}

	/**
	 * How many accesses to the units' people wait for review, those of the user left out.
	 */
	long unreviewedBy(String user, String[] units) {
		return jdbc
			.sql("SELECT count(*) FROM casework.emergency_access ea JOIN casework.persons p ON p.id = ea.person_id"
					+ " WHERE ea.reviewed_at IS NULL AND ea.username <> :user AND " + UNIT_PERSON)
			.param("user", user)
			.param("units", units)
			.query(Long.class)
			.single();
	}

	private static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

}
