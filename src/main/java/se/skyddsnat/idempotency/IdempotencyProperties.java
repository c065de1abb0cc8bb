package se.skyddsnat.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a form token or an {@code Idempotency-Key} is remembered ({@code ttl});
 * expired keys are deleted lazily.
 */
@ConfigurationProperties("skyddsnat.idempotency")
record IdempotencyProperties(@DefaultValue("24h") Duration ttl) {
}
