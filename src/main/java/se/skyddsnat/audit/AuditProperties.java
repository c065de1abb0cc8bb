package se.skyddsnat.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code key} ({@code SKYDDSNAT_AUDIT_KEY}): the chain's HMAC keys, base64, separated by
 * commas; the last one signs, the earlier ones only verify. When unset, the keys are in
 * {@code audit/audit.key} under the data directory (created at first start).
 * {@code sealInterval}: how often the sealer links committed rows.
 * {@code checkpointInterval}: how often the chain's head is anchored in
 * {@code audit/checkpoints.log}. {@code verifyOnStart}: walk the whole chain once in the
 * background after a start.
 */
@ConfigurationProperties("skyddsnat.audit")
public record AuditProperties(String key, @DefaultValue("300ms") Duration sealInterval,
		@DefaultValue("5m") Duration checkpointInterval, @DefaultValue("true") boolean verifyOnStart) {
}
