package se.skyddsnat.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditDetails;
import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;

/**
 * Short-lived opaque bearer tokens for API clients. Only a SHA-256 of each token is
 * stored, so a copy of the database yields no usable token; every use re-reads the user,
 * so a locked or disabled account stops working at once.
 */
@Service
@RequiredArgsConstructor
class ApiTokens {

	record IssuedToken(String token, Instant expiresAt) {
	}

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	private final AuditLog audit;

	private final SecurityProperties properties;

	private final Clock clock;

	@Transactional
	IssuedToken issue(CurrentUser user) {
		if (user.mustChangePassword()) {
			audit.record(AuditEvent.of(AuditKind.TOKEN_REFUSED)
				.actor(user.username())
				.subject(AuditSubject.USER, user.id())
				.details(AuditDetails.of("login.passwordChangeRequired")));
			throw new PasswordChangeRequired();
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		Instant expires = now.plus(properties.apiTokenTtl());
		jdbc.sql("DELETE FROM identity.api_tokens WHERE expires_at < ?").param(utc(now)).update();
		jdbc.sql("INSERT INTO identity.api_tokens (token_hash, user_id, issued_at, expires_at) VALUES (?, ?, ?, ?)")
			.params(sha256(token), user.id(), utc(now), utc(expires))
			.update();
		audit
			.record(AuditEvent.of(AuditKind.TOKEN_ISSUED).actor(user.username()).subject(AuditSubject.USER, user.id()));
		return new IssuedToken(token, expires);
	}

	/** The user behind a valid, unexpired token whose account may still log in. */
	Optional<CurrentUser> authenticate(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return jdbc.sql("SELECT user_id FROM identity.api_tokens WHERE token_hash = ? AND expires_at > ?")
			.params(sha256(token), utc(now))
			.query(Long.class)
			.optional()
			.flatMap(accounts::find)
			.filter(a -> a.enabled() && !a.lockedAt(now))
			.map(UserAccount::toCurrentUser);
	}

	private static OffsetDateTime utc(Instant i) {
		return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
	}

	static String sha256(String s) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
