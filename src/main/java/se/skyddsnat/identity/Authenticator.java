package se.skyddsnat.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;

/**
 * The one place where a person becomes a {@link CurrentUser}: a user name and password
 * (the login form and API tokens alike) with the second factor where one is required, or
 * an identity from the organisation's identity provider (OIDC). Throttles per client
 * address and per user name, locks an account after too many wrong passwords, and audits
 * every outcome. Not transactional on purpose: a counted failure must be stored even
 * though login fails.
 */
@Service
class Authenticator {

	private final UserAccounts accounts;

	private final PasswordEncoder encoder;

	private final LoginThrottle throttle;

	private final AuditLog audit;

	private final SecurityProperties properties;

	private final SecondFactors secondFactors;

	private final Clock clock;

	private static final int MAX_USERNAME = 64;

	/**
	 * Compared against when the user does not exist, so that the answer takes as long
	 * either way.
	 */
	private final String dummyHash;

	Authenticator(UserAccounts accounts, PasswordEncoder encoder, LoginThrottle throttle, AuditLog audit,
			SecurityProperties properties, SecondFactors secondFactors, Clock clock) {
		this.secondFactors = secondFactors;
		this.accounts = accounts;
		this.encoder = encoder;
		this.throttle = throttle;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
		this.dummyHash = encoder.encode("not-a-password-of-anyone");
	}

	/**
	 * The user for a user name and password, or an
	 * {@link org.springframework.security.core.AuthenticationException}:
	 * {@link BadCredentialsException} alike for an unknown user name, a wrong password
	 * and a locked account (so that user names cannot be found out by trying; the audit
	 * log and the admin's user list tell them apart), {@link DisabledException} only to
	 * someone who gave the right password, {@link LoginThrottled} after too many
	 * failures, {@link LoginInputRefused} for a control character in either field.
	 */
	CurrentUser authenticate(String rawUsername, String password, String client, String channel) {
		// checked before trim(), which would silently drop a NUL byte at either end
		String badField = hasControlCharacter(rawUsername) ? "username"
				: hasControlCharacter(password) ? "password" : null;
		if (badField != null) {
			String shown = printable(rawUsername == null ? "" : rawUsername.strip().toLowerCase(Locale.ROOT));
			throttle.recordFailure(client, shown);
			audit.record(event(AuditKind.LOGIN_FAILED, shown.isEmpty() ? "-" : shown, channel,
					"control character in " + badField));
			throw new LoginInputRefused(badField);
		}
		String username = rawUsername == null ? "" : rawUsername.trim().toLowerCase(Locale.ROOT);
		// no user name is longer; a longer one is unknown, and is remembered no longer
		// than that
		if (username.length() > MAX_USERNAME) {
			username = username.substring(0, MAX_USERNAME);
		}
		String actor = username.isEmpty() ? "-" : username;
		LoginThrottle.Block block = throttle.blocked(client, username);
		if (block != null) {
			audit.record(event(AuditKind.LOGIN_REFUSED, actor, channel,
					block == LoginThrottle.Block.ADDRESS ? "throttled" : "throttled user name"));
			throw new LoginThrottled(block);
		}
		var account = accounts.findByUsername(username).orElse(null);
		if (account == null) {
			encoder.matches(password == null ? "" : password, dummyHash);
			throttle.recordFailure(client, username);
			audit.record(event(AuditKind.LOGIN_FAILED, actor, channel, "unknown user"));
			throw new BadCredentialsException("Bad credentials");
		}
		Instant now = clock.instant();
		// compared in every case, so that a locked or disabled account answers as slowly
		// as any other
		boolean passwordRight = password != null && encoder.matches(password, accounts.passwordHash(account.id()));
		if (account.lockedAt(now)) {
			throttle.recordFailure(client, username);
			audit.record(
					event(AuditKind.LOGIN_REFUSED, actor, channel, "locked").subject(AuditSubject.USER, account.id()));
			throw new BadCredentialsException("Bad credentials");
		}
		if (!account.enabled()) {
			if (!passwordRight) {
				throttle.recordFailure(client, username);
				audit.record(event(AuditKind.LOGIN_FAILED, actor, channel, "wrong password; disabled")
					.subject(AuditSubject.USER, account.id()));
				throw new BadCredentialsException("Bad credentials");
			}
			audit.record(event(AuditKind.LOGIN_REFUSED, actor, channel, "disabled").subject(AuditSubject.USER,
					account.id()));
			throw new DisabledException("Account disabled");
		}
		if (!passwordRight) {
			throttle.recordFailure(client, username);
			boolean locked = accounts.recordFailureAndMaybeLock(account.id(), properties.maxFailedLogins(),
					now.plus(properties.lockDuration()));
			audit.record(event(AuditKind.LOGIN_FAILED, actor, channel, "wrong password").subject(AuditSubject.USER,
					account.id()));
			if (locked) {
				audit.record(
						event(AuditKind.ACCOUNT_LOCKED, actor, channel, properties.maxFailedLogins() + " failed logins")
							.subject(AuditSubject.USER, account.id()));
			}
			throw new BadCredentialsException("Bad credentials");
		}
		accounts.recordSuccess(account.id(), now);
		CurrentUser user = account.toCurrentUser();
		audit.record(event(AuditKind.LOGIN, actor, channel,
				secondFactors.requiredFor(user) ? "password; second factor pending" : null)
			.subject(AuditSubject.USER, account.id()));
		return user;
	}

	/**
	 * A login through the organisation's identity provider: the provider has
	 * authenticated the person (and asked for its own second factor); the user is the
	 * Skyddsnät user an administrator gave this identity. Refused and audited: no
	 * identity or an unknown one ({@link ExternalIdentityUnknown}), a disabled account
	 * ({@link DisabledException}), a locked one ({@link BadCredentialsException}). Roles
	 * and units are Skyddsnät's, never the provider's.
	 */
	CurrentUser authenticateExternal(String externalId, String channel) {
		if (externalId == null || externalId.isBlank() || externalId.length() > IdentityLimits.EXTERNAL_ID.max()
				|| hasControlCharacter(externalId)) {
			String shown = externalId == null ? "" : printable(externalId.strip());
			audit.record(
					event(AuditKind.LOGIN_REFUSED, shown.isEmpty() ? "-" : shown, channel, "no usable identity claim"));
			throw new ExternalIdentityUnknown();
		}
		String actor = printable(externalId);
		var account = accounts.findByExternalId(externalId).orElse(null);
		if (account == null) {
			audit.record(event(AuditKind.LOGIN_REFUSED, actor, channel, "unknown identity"));
			throw new ExternalIdentityUnknown();
		}
		Instant now = clock.instant();
		if (!account.enabled()) {
			audit.record(event(AuditKind.LOGIN_REFUSED, account.username(), channel, "disabled")
				.subject(AuditSubject.USER, account.id()));
			throw new DisabledException("Account disabled");
		}
		if (account.lockedAt(now)) {
			audit.record(event(AuditKind.LOGIN_REFUSED, account.username(), channel, "locked")
				.subject(AuditSubject.USER, account.id()));
			throw new BadCredentialsException("Locked");
		}
		accounts.recordSuccess(account.id(), now);
		audit
			.record(event(AuditKind.LOGIN, account.username(), channel, null).subject(AuditSubject.USER, account.id()));
		return account.toCurrentUser();
	}

	/** Whether this user, whose password was right, must still give a second factor. */
	boolean secondFactorRequired(CurrentUser user) {
		return secondFactors.requiredFor(user);
	}

	/**
	 * The second step of a password login: the user once the code (TOTP or a recovery
	 * code) is right. A wrong code counts like a wrong password (throttle and lockout)
	 * and is audited; {@link BadCredentialsException} for a wrong code or a locked
	 * account, {@link DisabledException} for a disabled one, {@link LoginThrottled} after
	 * too many failures, {@link SecondFactorMissing} when the user has none enrolled (the
	 * API: enrol in the browser first).
	 */
	CurrentUser secondFactor(long userId, String code, String client, String channel) {
		var account = accounts.find(userId).orElseThrow(() -> new BadCredentialsException("Bad credentials"));
		String actor = account.username();
		LoginThrottle.Block block = throttle.blocked(client, actor);
		if (block != null) {
			audit.record(event(AuditKind.LOGIN_REFUSED, actor, channel, "second factor; throttled")
				.subject(AuditSubject.USER, userId));
			throw new LoginThrottled(block);
		}
		Instant now = clock.instant();
		if (account.lockedAt(now)) {
			audit.record(event(AuditKind.LOGIN_REFUSED, actor, channel, "second factor; locked")
				.subject(AuditSubject.USER, userId));
			throw new BadCredentialsException("Bad credentials");
		}
		if (!account.enabled()) {
			audit.record(event(AuditKind.LOGIN_REFUSED, actor, channel, "second factor; disabled")
				.subject(AuditSubject.USER, userId));
			throw new DisabledException("Account disabled");
		}
		if (!secondFactors.enrolled(userId)) {
			audit.record(event(AuditKind.LOGIN_REFUSED, actor, channel, "no second factor enrolled")
				.subject(AuditSubject.USER, userId));
			throw new SecondFactorMissing();
		}
		if (!secondFactors.accept(userId, actor, code)) {
			failedSecondFactor(account, client, channel, now);
			throw new BadCredentialsException("Bad code");
		}
		accounts.recordSuccess(userId, now);
		audit.record(event(AuditKind.LOGIN, actor, channel, "second factor").subject(AuditSubject.USER, userId));
		return account.toCurrentUser();
	}

	/**
	 * Enrolment at the first login: the user once the first code of the new secret is
	 * right (the recovery codes are then in {@code codes}). A wrong code counts like a
	 * wrong password.
	 */
	CurrentUser enrolSecondFactor(long userId, SecondFactors.Enrolment enrolment, String code, String client,
			List<String> codes) {
		var account = accounts.find(userId)
			.filter(a -> a.enabled() && !a.lockedAt(clock.instant()))
			.orElseThrow(() -> new BadCredentialsException("Bad credentials"));
		LoginThrottle.Block block = throttle.blocked(client, account.username());
		if (block != null) {
			throw new LoginThrottled(block);
		}
		long step = secondFactors.check(enrolment, code);
		if (step < 0) {
			failedSecondFactor(account, client, "form", clock.instant());
			throw new BadCredentialsException("Bad code");
		}
		codes.addAll(secondFactors.enrol(userId, account.username(), enrolment, step));
		accounts.recordSuccess(userId, clock.instant());
		audit.record(event(AuditKind.LOGIN, account.username(), "form", "second factor enrolled")
			.subject(AuditSubject.USER, userId));
		return account.toCurrentUser();
	}

	private void failedSecondFactor(UserAccount account, String client, String channel, Instant now) {
		throttle.recordFailure(client, account.username());
		boolean locked = accounts.recordFailureAndMaybeLock(account.id(), properties.maxFailedLogins(),
				now.plus(properties.lockDuration()));
		audit.record(event(AuditKind.LOGIN_FAILED, account.username(), channel, "wrong second factor code")
			.subject(AuditSubject.USER, account.id()));
		if (locked) {
			audit.record(event(AuditKind.ACCOUNT_LOCKED, account.username(), channel,
					properties.maxFailedLogins() + " failed logins")
				.subject(AuditSubject.USER, account.id()));
		}
	}

	/**
	 * Control characters (C0, DEL, C1): a NUL byte can never be part of a user name or a
	 * password.
	 */
	static boolean hasControlCharacter(String text) {
		return text != null && text.chars().anyMatch(Character::isISOControl);
	}

	/** The user name as the audit log can hold it: control characters shown as U+FFFD. */
	private static String printable(String username) {
		var sb = new StringBuilder();
		username.codePoints()
			.limit(MAX_USERNAME)
			.forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? 0xFFFD : c));
		return sb.toString();
	}

	private static AuditEvent event(AuditKind kind, String actor, String channel, String reason) {
		return AuditEvent.of(kind).actor(actor).details("channel=" + channel + (reason == null ? "" : "; " + reason));
	}

}
