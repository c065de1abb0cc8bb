package se.skyddsnat.support;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;

import se.skyddsnat.scheduling.JobScheduler;

/**
 * Runs the due work of this node's scheduler now, without waiting for its polling
 * interval: it asks the scheduler to check for due executions and waits until none of the
 * named jobs is due at the clock's now or still running (at most 30 s; a job that is
 * still due then fails the test). Move the clock first to make a schedule come due.
 */
public final class DueJobs {

	private static final Duration LIMIT = Duration.ofSeconds(30);

	private DueJobs() {
	}

	public static void run(JobScheduler scheduler, JdbcClient jdbc, Clock clock, Collection<String> jobs) {
		long deadline = System.nanoTime() + LIMIT.toNanos();
		scheduler.checkForDueWork();
		while (true) {
			long waiting = jdbc.sql("""
					SELECT count(*) FROM scheduling.scheduled_tasks
					 WHERE task_name = ANY (?) AND (picked OR execution_time <= ?)""")
				.params(jobs.toArray(String[]::new), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
				.query(Long.class)
				.single();
			if (waiting == 0) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError(waiting + " execution(s) of " + jobs + " still due or running after " + LIMIT);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
			scheduler.checkForDueWork();
		}
	}

}
