package se.skyddsnat.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;

/**
 * The second factor of password logins: a TOTP secret per user (encrypted by
 * {@link SecretBox}, never shown after enrolment, never logged) and ten recovery codes
 * (only their SHA-256 stored, each usable once). Who needs one is decided here
 * ({@link #requiredFor}); counting wrong codes against the lockout is the
 * {@link Authenticator}'s.
 */
@Service
class SecondFactors {

	/**
	 * {@code skyddsnat.identity.second-factor}: {@code required} (the default) or
	 * {@code off}.
	 */
	enum Mode {

		REQUIRED, OFF

	}

	/**
	 * A secret being enrolled: kept in the session until the first code proves the app
	 * has it.
	 */
	record Enrolment(byte[] secret, String uri, String base32) implements java.io.Serializable {
		@Override
		public String toString() {
			return "Enrolment[...]";
		}
	}

	static final int RECOVERY_CODES = 10;
	static final String ISSUER = "Skyddsnät";

	private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

	private final JdbcClient jdbc;

	private final SecretBox box;

	private final AuditLog audit;

	private final Clock clock;

	private final Mode mode;

	private final SecureRandom random = new SecureRandom();

	SecondFactors(JdbcClient jdbc, SecretBox box, AuditLog audit, Clock clock,
			@Value("${skyddsnat.identity.second-factor:required}") String mode) {
		this.jdbc = jdbc;
		this.box = box;
		this.audit = audit;
		this.clock = clock;
		this.mode = Mode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
	}

	/**
	 * Whether a password login of this user needs the second factor: every ADMIN, and
	 * whoever can read personal data (CASEWORKER, MANAGER, COORDINATOR) as a member of a
	 * unit. Nobody when the second factor is off.
	 */
	boolean requiredFor(CurrentUser user) {
		return mode == Mode.REQUIRED
				&& (user.hasRole(Role.ADMIN) || (user.may(Permission.READ_PERSONAL_DATA) && !user.units().isEmpty()));
	}

	boolean enrolled(long userId) {
		return enrolledAt(userId).isPresent();
	}

	Optional<Instant> enrolledAt(long userId) {
		return jdbc.sql("SELECT enrolled_at FROM identity.second_factors WHERE user_id = ?")
			.param(userId)
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant);
	}

	Enrolment newEnrolment(String username) {
		byte[] secret = new byte[20];
		random.nextBytes(secret);
		return new Enrolment(secret, Totp.uri(ISSUER, username, secret), Totp.base32(secret));
	}

	/**
	 * Stores the enrolled secret (the code already checked) and returns the recovery
	 * codes, shown once.
	 */
	@Transactional
	List<String> enrol(long userId, String username, Enrolment enrolment, long acceptedStep) {
		jdbc.sql("DELETE FROM identity.second_factors WHERE user_id = ?").param(userId).update();
		jdbc.sql(
				"INSERT INTO identity.second_factors (user_id, totp_secret, last_step, enrolled_at) VALUES (?, ?, ?, ?)")
			.params(userId, box.seal(userId, enrolment.secret()), acceptedStep, utc(clock.instant()))
			.update();
		List<String> codes = replaceRecoveryCodes(userId);
		audit.record(AuditEvent.of(AuditKind.SECOND_FACTOR_CHANGED)
			.actor(username)
			.subject(AuditSubject.USER, userId)
			.details("authenticator app enrolled; " + RECOVERY_CODES + " recovery codes"));
		return codes;
	}

	/**
	 * Whether the code (of the enrolling secret) is right now; the step it matched, or
	 * -1.
	 */
	long check(Enrolment enrolment, String code) {
		return Totp.matchingStep(enrolment.secret(), normalise(code), clock.instant(), 0);
	}

	/**
	 * Whether the code is the user's current TOTP code (not used before) or one of their
	 * unused recovery codes; a matching code is used up.
	 */
	@Transactional
	boolean accept(long userId, String username, String rawCode) {
		String code = normalise(rawCode);
		var stored = jdbc.sql("SELECT totp_secret, last_step FROM identity.second_factors WHERE user_id = ? FOR UPDATE")
			.param(userId)
			.query((rs, n) -> new Object[] { rs.getBytes(1), rs.getLong(2) })
			.optional();
		if (stored.isEmpty()) {
			return false;
		}
		if (code.matches("\\d{6}")) {
			long step = Totp.matchingStep(box.open(userId, (byte[]) stored.get()[0]), code, clock.instant(),
					(Long) stored.get()[1]);
			if (step < 0) {
				return false;
			}
			jdbc.sql("UPDATE identity.second_factors SET last_step = ? WHERE user_id = ?")
				.params(step, userId)
				.update();
			return true;
		}
		int used = jdbc
			.sql("""
					UPDATE identity.recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL""")
			.params(utc(clock.instant()), userId, ApiTokens.sha256(code))
			.update();
		if (used == 1) {
			audit.record(AuditEvent.of(AuditKind.SECOND_FACTOR_CHANGED)
				.actor(username)
				.subject(AuditSubject.USER, userId)
				.details("recovery code used; " + unusedRecoveryCodes(userId) + " left"));
		}
		return used == 1;
	}

	long unusedRecoveryCodes(long userId) {
		return jdbc.sql("SELECT count(*) FROM identity.recovery_codes WHERE user_id = ? AND used_at IS NULL")
			.param(userId)
			.query(Long.class)
			.single();
	}

	/**
	 * An administrator's reset: the factor and the recovery codes are gone; the user
	 * enrols at the next login.
	 */
	@Transactional
	void reset(long userId, String username) {
		jdbc.sql("DELETE FROM identity.second_factors WHERE user_id = ?").param(userId).update();
		jdbc.sql("DELETE FROM identity.recovery_codes WHERE user_id = ?").param(userId).update();
		audit.record(AuditEvent.of(AuditKind.SECOND_FACTOR_CHANGED)
			.subject(AuditSubject.USER, userId)
			.details("username=" + username + "; second factor reset by administrator"));
	}

	private List<String> replaceRecoveryCodes(long userId) {
		jdbc.sql("DELETE FROM identity.recovery_codes WHERE user_id = ?").param(userId).update();
		var codes = new ArrayList<String>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			var sb = new StringBuilder();
			for (int c = 0; c < 10; c++) {
				if (c == 5) {
					sb.append('-');
				}
				sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
			}
			String code = sb.toString();
			codes.add(code);
			jdbc.sql("INSERT INTO identity.recovery_codes (user_id, code_hash) VALUES (?, ?)")
				.params(userId, ApiTokens.sha256(code))
				.update();
		}
		return codes;
	}

	/**
	 * Spaces (as apps show "123 456") dropped; a recovery code in lower case with its
	 * hyphen.
	 */
	static String normalise(String code) {
		if (code == null || code.length() > 40) {
			return "";
		}
		String c = code.strip().replace(" ", "").toLowerCase(Locale.ROOT);
		if (c.matches("[a-z0-9]{10}")) {
			c = c.substring(0, 5) + "-" + c.substring(5);
		}
		return c;
	}

	private static OffsetDateTime utc(Instant i) {
		return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
	}

}
