package se.skyddsnat.scheduling;

import java.time.Duration;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A failed execution runs again after {@code retryDelay}, doubled after each further
 * failure in a row, at most {@code retryMaxDelay}; a recurring job's execution at its
 * next regular time instead when that is sooner. One log line per failure, without
 * personal data: the job, the execution's id (ids only, by the rule of the package), how
 * many failures in a row, the exception's classes (see {@link JobFailed#describe}) and
 * when it runs again.
 */
@RequiredArgsConstructor
final class RetryWithBackoff<T> implements FailureHandler<T> {

	private static final Logger log = LoggerFactory.getLogger(RetryWithBackoff.class);

	private final Schedule schedule;

	private volatile Duration retryDelay = Duration.ofMinutes(1);

	private volatile Duration retryMaxDelay = Duration.ofHours(1);

	/** {@code schedule}: the recurring job's schedule, or null for a one-time job. */

	void configure(SchedulingProperties properties) {
		this.retryDelay = properties.retryDelay();
		this.retryMaxDelay = properties.retryMaxDelay();
	}

	@Override
	public void onFailure(ExecutionComplete complete, ExecutionOperations<T> operations) {
		var execution = complete.getExecution();
		int failures = execution.consecutiveFailures + 1;
		Instant next = complete.getTimeDone().plus(delayAfter(failures));
		if (schedule != null) {
			Instant regular = schedule.getNextExecutionTime(complete);
			if (regular.isBefore(next)) {
				next = regular;
			}
		}
		log.warn("Job {} ({}) failed, {} time(s) in a row: {}; it runs again at {}",
				execution.taskInstance.getTaskName(), execution.taskInstance.getId(), failures,
				JobFailed.describe(complete.getCause().orElse(null)), next);
		operations.reschedule(complete, next);
	}

	/** retryDelay × 2^(failures − 1), at most retryMaxDelay. */
	Duration delayAfter(int failures) {
		Duration delay = retryDelay;
		for (int i = 1; i < failures && delay.compareTo(retryMaxDelay) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(retryMaxDelay) > 0 ? retryMaxDelay : delay;
	}

}
