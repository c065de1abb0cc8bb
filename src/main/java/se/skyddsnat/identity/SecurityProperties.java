package se.skyddsnat.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login rules: lockout after {@code maxFailedLogins} wrong passwords in a row for {@code lockDuration};
 * at most {@code throttleMaxFailures} failed logins per client address per {@code throttleWindow};
 * API tokens live {@code apiTokenTtl}.
 */
@ConfigurationProperties("skyddsnat.security")
record SecurityProperties(
        @DefaultValue("6") int maxFailedLogins,
        @DefaultValue("30m") Duration lockDuration,
        @DefaultValue("20") int throttleMaxFailures,
        @DefaultValue("10m") Duration throttleWindow,
        @DefaultValue("15m") Duration apiTokenTtl) {
}
