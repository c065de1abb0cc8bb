package se.skyddsnat.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the scheduler when the context is ready (after Flyway migrated its table) and stops it before the audit
 * log's sealer and the database go: a running job gets {@code shutdown-max-wait} to finish; one that does not is
 * interrupted and, its heartbeats gone, run again by another node (jobs are idempotent).
 */
final class SchedulerLifecycle implements SmartLifecycle {

    private final Scheduler scheduler;
    private final boolean enabled;
    private volatile boolean running;

    SchedulerLifecycle(Scheduler scheduler, boolean enabled) {
        this.scheduler = scheduler;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        if (enabled && !running) {
            scheduler.start();
            running = true;
        }
    }

    @Override
    public synchronized void stop() {
        if (running) {
            running = false;
            scheduler.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the audit sealer (phase 0) on the way up, before it on the way down; below the web server's phases. */
    @Override
    public int getPhase() {
        return 100;
    }
}
