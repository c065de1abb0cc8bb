package se.skyddsnat.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login rules: lockout after {@code maxFailedLogins} wrong passwords in a row for
 * {@code lockDuration}; per {@code throttleWindow} failed logins for at most
 * {@code throttleMaxFailures} different user names from one client address, and at most
 * {@code throttleMaxFailuresPerUser} failures for one user name; API tokens live
 * {@code apiTokenTtl}. {@code httpsOnly}: the application is reached only over HTTPS
 * (behind a TLS proxy that does not say so in X-Forwarded-Proto): every cookie is Secure
 * and every answer carries HSTS.
 */
@ConfigurationProperties("skyddsnat.security")
record SecurityProperties(@DefaultValue("6") int maxFailedLogins, @DefaultValue("30m") Duration lockDuration,
		@DefaultValue("20") int throttleMaxFailures, @DefaultValue("10") int throttleMaxFailuresPerUser,
		@DefaultValue("10m") Duration throttleWindow, @DefaultValue("15m") Duration apiTokenTtl,
		@DefaultValue("false") boolean httpsOnly) {
}
