package se.skyddsnat.casework.core;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import se.skyddsnat.identity.Permission;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.shared.UnitCode;

/**
 * Need to know, in one place. A user sees the cases of their units, cases shared with
 * their units by an open, accepted referral, and — for a limited time after stating a
 * reason — the cases of a person they opened with emergency access. Everything else does
 * not exist for the user: 404, never 403, and never a search hit. ANALYST sees no
 * personal data; ADMIN only as a member of the unit.
 *
 * <p>
 * A share is exactly as wide as the referral that makes it, and lasts as long as the
 * referral is accepted and not closed: the receiving unit reads the case's facts, the
 * handover summary and <em>only the people the referral names</em> — not the people left
 * out of it, and not the case's records (journal, trafficking track, Stödcentrum,
 * consents), which are the sending unit's documentation and may speak of anyone in the
 * case. The share is derived from the referral's state, so closing, withdrawing or
 * revoking the referral ends it at once.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CaseAccess {

	/**
	 * An open, accepted internal referral of the case aliased {@code c} to one of the
	 * units.
	 */
	private static final String SHARED_CASE = """
			EXISTS (SELECT 1 FROM casework.referrals sr
			         WHERE sr.case_id = c.id AND sr.state = 'accepted' AND sr.to_unit = ANY(:units))""";

	/** An emergency access of the user to a person in the case aliased {@code c}. */
	private static final String EMERGENCY_CASE = """
			EXISTS (SELECT 1 FROM casework.case_people ecp JOIN casework.emergency_access ea ON ea.person_id = ecp.person_id
			         WHERE ecp.case_id = c.id AND ea.username = :user AND ea.expires_at > :now)""";

	/**
	 * SQL condition: the case aliased {@code c} exists for the user; parameters :units
	 * (text[]), :user, :now.
	 */
	public static final String VISIBLE_CASE = "(c.unit_code = ANY(:units) OR " + SHARED_CASE + " OR " + EMERGENCY_CASE
			+ ")";

	/**
	 * SQL condition: the user may read the records of the case aliased {@code c}
	 * (journal, track, Stödcentrum, consents, all its people): its own unit, or emergency
	 * access. Not a share.
	 */
	public static final String CASE_RECORDS = "(c.unit_code = ANY(:units) OR " + EMERGENCY_CASE + ")";

	/**
	 * SQL condition on a person aliased {@code p}: registered in one of the user's units,
	 * opened by the user's emergency access, in a case whose records the user may read,
	 * or named in an open referral accepted by one of the user's units.
	 */
	public static final String VISIBLE_PERSON = """
			(p.unit_code = ANY(:units)
			 OR EXISTS (SELECT 1 FROM casework.emergency_access ea WHERE ea.person_id = p.id AND ea.username = :user
			             AND ea.expires_at > :now)
			 OR EXISTS (SELECT 1 FROM casework.referral_people srp JOIN casework.referrals sr ON sr.id = srp.referral_id
			             WHERE srp.person_id = p.id AND sr.state = 'accepted' AND sr.to_unit = ANY(:units))
			 OR EXISTS (SELECT 1 FROM casework.case_people vcp JOIN casework.cases c ON c.id = vcp.case_id
			             WHERE vcp.person_id = p.id AND """ + CASE_RECORDS + "))";

	/** The current user's scope for the SQL conditions. */
	public record Scope(CurrentUser user, String[] units, Timestamp now) {
		public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
			return spec.param("units", units).param("user", user.username()).param("now", now);
		}
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	/** The user's scope; refused for users who may not see personal data at all. */
	public Scope scope() {
		CurrentUser user = CurrentUser.require();
		if (!user.may(Permission.READ_PERSONAL_DATA)) {
			throw new AccessDeniedException("No role that reads personal data");
		}
		return new Scope(user, user.units().stream().map(UnitCode::value).toArray(String[]::new),
				Timestamp.from(Instant.now(clock)));
	}

	public boolean caseVisible(Scope scope, long caseId) {
		return scope.bind(jdbc.sql("SELECT count(*) FROM casework.cases c WHERE c.id = :id AND " + VISIBLE_CASE))
			.param("id", caseId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Whether the user may read the case's records (journal, track, ...): own unit or
	 * emergency access, not a share.
	 */
	public boolean caseRecordsVisible(Scope scope, long caseId) {
		return scope.bind(jdbc.sql("SELECT count(*) FROM casework.cases c WHERE c.id = :id AND " + CASE_RECORDS))
			.param("id", caseId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The case's records (journal, track, Stödcentrum, consents) for reading or writing:
	 * 404 when the case does not exist for the user, 403 when the user sees it only
	 * through a handover, which does not share them.
	 */
	public void requireRecords(Scope scope, long caseId) {
		if (!caseRecordsVisible(scope, caseId)) {
			if (caseVisible(scope, caseId)) {
				throw new AccessDeniedException("A handover shares the case's facts and named people, not its records");
			}
			throw notFound();
		}
	}

	public boolean personVisible(Scope scope, long personId) {
		return scope.bind(jdbc.sql("SELECT count(*) FROM casework.persons p WHERE p.id = :id AND " + VISIBLE_PERSON))
			.param("id", personId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Whether the user works in the case's own unit (not only through a share or
	 * emergency access).
	 */
	public boolean inOwnUnit(Scope scope, UnitCode unit) {
		return scope.user().belongsTo(unit);
	}

	public static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

}
