package se.skyddsnat.scheduling;

import java.util.function.Supplier;

import com.github.kagkarlsson.scheduler.Scheduler;
import lombok.RequiredArgsConstructor;
import org.springframework.context.SmartLifecycle;

/**
 * Runs this node's scheduler while the application runs: started when the context is
 * ready (after Flyway migrated its table), stopped before the audit log's sealer and the
 * database go. A running job gets {@code shutdown-max-wait} to finish; one that does not
 * is interrupted and, its heartbeats gone, run again by another node (jobs are
 * idempotent). Each start makes a new {@link Scheduler}: a stopped one cannot start
 * again.
 */
@RequiredArgsConstructor
final class SchedulerLifecycle implements SmartLifecycle {

	private final Supplier<Scheduler> factory;

	private final boolean enabled;

	private volatile Scheduler running;

	@Override
	public synchronized void start() {
		if (enabled && running == null) {
			Scheduler scheduler = factory.get();
			scheduler.start();
			running = scheduler;
		}
	}

	@Override
	public synchronized void stop() {
		Scheduler scheduler = running;
		if (scheduler != null) {
			running = null;
			scheduler.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return running != null;
	}

	/**
	 * Asks the running scheduler to look for due executions now rather than at its next
	 * poll; nothing if none runs.
	 */
	void checkForDueWork() {
		Scheduler scheduler = running;
		if (scheduler != null) {
			scheduler.triggerCheckForDueExecutions();
		}
	}

	/**
	 * After the audit sealer (phase 0) on the way up, before it on the way down; below
	 * the web server's phases.
	 */
	@Override
	public int getPhase() {
		return 100;
	}

}
