package se.skyddsnat.scheduling;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The scheduler's settings ({@code skyddsnat.scheduling.*}, e.g.
 * {@code SKYDDSNAT_SCHEDULING_POLLING_INTERVAL}). {@code pollingInterval}: how often a
 * node looks for due jobs (one indexed query). {@code threads}: jobs one node runs at
 * once. {@code heartbeatInterval} and {@code missedHeartbeats}: a running job's node
 * writes a heartbeat this often; a job whose node missed this many is taken as dead (the
 * node died) and run again by another node. {@code retryDelay} / {@code retryMaxDelay}: a
 * failed job runs again after the first, then twice as long each time, at most the second
 * (a recurring job also at its next regular time, if that is sooner). {@code enabled}:
 * {@code false} makes a node run no jobs (it still schedules them for the others).
 */
@ConfigurationProperties("skyddsnat.scheduling")
public record SchedulingProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration pollingInterval,
		@DefaultValue("4") int threads, @DefaultValue("30s") Duration heartbeatInterval,
		@DefaultValue("6") int missedHeartbeats, @DefaultValue("1m") Duration retryDelay,
		@DefaultValue("1h") Duration retryMaxDelay, @DefaultValue("30s") Duration shutdownMaxWait) {

	public SchedulingProperties {
		require(pollingInterval, "polling-interval");
		require(heartbeatInterval, "heartbeat-interval");
		require(retryDelay, "retry-delay");
		require(retryMaxDelay, "retry-max-delay");
		if (shutdownMaxWait == null || shutdownMaxWait.isNegative()) {
			throw new IllegalArgumentException("skyddsnat.scheduling.shutdown-max-wait must be zero or more");
		}
		if (threads < 1 || threads > 100) {
			throw new IllegalArgumentException("skyddsnat.scheduling.threads must be between 1 and 100");
		}
		if (missedHeartbeats < 4) {
			throw new IllegalArgumentException("skyddsnat.scheduling.missed-heartbeats must be at least 4");
		}
		if (retryMaxDelay.compareTo(retryDelay) < 0) {
			throw new IllegalArgumentException(
					"skyddsnat.scheduling.retry-max-delay must not be shorter than retry-delay");
		}
	}

	private static void require(Duration d, String name) {
		if (d == null || d.isNegative() || d.isZero()) {
			throw new IllegalArgumentException("skyddsnat.scheduling." + name + " must be longer than zero");
		}
	}
}
