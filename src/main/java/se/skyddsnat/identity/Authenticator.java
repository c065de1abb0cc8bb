package se.skyddsnat.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;

/**
 * The one place where a user name and password become a {@link CurrentUser}: for the login form
 * and for API tokens alike (an external identity provider will be a second entry here). Throttles
 * per client address, locks an account after too many wrong passwords, and audits every outcome.
 * Not transactional on purpose: a counted failure must be stored even though login fails.
 */
@Service
class Authenticator {

    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final SecurityProperties properties;
    private final Clock clock;
    /** Compared against when the user does not exist, so that the answer takes as long either way. */
    private final String dummyHash;

    Authenticator(UserAccounts accounts, PasswordEncoder encoder, LoginThrottle throttle, AuditLog audit,
            SecurityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.throttle = throttle;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
        this.dummyHash = encoder.encode("not-a-password-of-anyone");
    }

    CurrentUser authenticate(String rawUsername, String password, String client, String channel) {
        String username = rawUsername == null ? "" : rawUsername.trim().toLowerCase(Locale.ROOT);
        String actor = username.isEmpty() ? "-" : username;
        if (throttle.isBlocked(client)) {
            audit.record(event(AuditKind.LOGIN_REFUSED, actor, channel, "throttled"));
            throw new LoginThrottled();
        }
        var account = accounts.findByUsername(username).orElse(null);
        if (account == null) {
            encoder.matches(password == null ? "" : password, dummyHash);
            throttle.recordFailure(client);
            audit.record(event(AuditKind.LOGIN_FAILED, actor, channel, "unknown user"));
            throw new BadCredentialsException("Bad credentials");
        }
        Instant now = clock.instant();
        if (account.lockedAt(now)) {
            audit.record(event(AuditKind.LOGIN_REFUSED, actor, channel, "locked").subject("user", account.id()));
            throw new LockedException("Account locked");
        }
        if (!account.enabled()) {
            audit.record(event(AuditKind.LOGIN_REFUSED, actor, channel, "disabled").subject("user", account.id()));
            throw new DisabledException("Account disabled");
        }
        if (password == null || !encoder.matches(password, accounts.passwordHash(account.id()))) {
            throttle.recordFailure(client);
            boolean locked = accounts.recordFailureAndMaybeLock(account.id(), properties.maxFailedLogins(),
                    now.plus(properties.lockDuration()));
            audit.record(event(AuditKind.LOGIN_FAILED, actor, channel, "wrong password").subject("user", account.id()));
            if (locked) {
                audit.record(event(AuditKind.ACCOUNT_LOCKED, actor, channel,
                        properties.maxFailedLogins() + " failed logins").subject("user", account.id()));
            }
            throw new BadCredentialsException("Bad credentials");
        }
        accounts.recordSuccess(account.id(), now);
        audit.record(event(AuditKind.LOGIN, actor, channel, null).subject("user", account.id()));
        return account.toCurrentUser();
    }

    private static AuditEvent event(AuditKind kind, String actor, String channel, String reason) {
        return AuditEvent.of(kind).actor(actor).details("channel=" + channel + (reason == null ? "" : "; " + reason));
    }
}
