package se.skyddsnat.audit;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the chain's background work on one thread of its own: a sealing round every
 * {@code sealInterval}, a checkpoint every {@code checkpointInterval}, and once after a
 * start a full verification (on a virtual thread). It stops after the web server (a low
 * phase), and on the way out seals what the last requests wrote and writes a final
 * checkpoint, while the database is still there.
 */
@Component
@RequiredArgsConstructor
class AuditChainSchedule implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AuditChainSchedule.class);

	private final AuditSealer sealer;

	private final Checkpoints checkpoints;

	private final ChainVerifier verifier;

	private final AuditProperties properties;

	private ScheduledExecutorService executor;

	@Override
	public synchronized void start() {
		executor = Executors
			.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("audit-sealer").daemon(true).unstarted(r));
		long seal = Math.max(10, properties.sealInterval().toMillis());
		long checkpoint = Math.max(1000, properties.checkpointInterval().toMillis());
		executor.scheduleWithFixedDelay(this::sealQuietly, seal, seal, TimeUnit.MILLISECONDS);
		executor.scheduleWithFixedDelay(this::checkpointQuietly, checkpoint, checkpoint, TimeUnit.MILLISECONDS);
		if (properties.verifyOnStart()) {
			Thread.ofVirtual().name("audit-verify-on-start").start(() -> {
				sealQuietly();
				verifier.verifyFullyQuietly();
			});
		}
	}

	@Override
	public synchronized void stop() {
		if (executor == null) {
			return;
		}
		executor.shutdown();
		try {
			if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
				executor.shutdownNow();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		executor = null;
		checkpointQuietly(); // seals first
	}

	@Override
	public synchronized boolean isRunning() {
		return executor != null;
	}

	/**
	 * Below the web server's phases: started before it, stopped after it (no request can
	 * write after).
	 */
	@Override
	public int getPhase() {
		return 0;
	}

	private void sealQuietly() {
		try {
			sealer.seal();
		}
		catch (RuntimeException e) {
			log.warn("Audit chain: sealing round failed, retried at the next: {}", e.toString());
		}
	}

	private void checkpointQuietly() {
		try {
			checkpoints.write();
		}
		catch (RuntimeException e) {
			log.warn("Audit chain: checkpoint failed: {}", e.toString());
		}
	}

}
