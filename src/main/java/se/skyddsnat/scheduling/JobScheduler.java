package se.skyddsnat.scheduling;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Schedules executions of one-time jobs (declared with {@link Jobs#once}). Every call
 * runs in the caller's transaction: an execution scheduled in a transaction that rolls
 * back never runs, and one scheduled with the work that caused it commits with it. An
 * execution is named by its job and an id that the caller chooses from what it is about
 * (e.g. {@code offer-42}): ids only, never personal data, since ids appear in log lines.
 */
@Service
public class JobScheduler {

	private final SchedulerClient client;

	private final Runnable checkForDueWork;

	@org.springframework.beans.factory.annotation.Autowired
	JobScheduler(SchedulerClient client, SchedulerLifecycle node) {
		this(client, node::checkForDueWork);
	}

	/**
	 * A client of any scheduler (the tests' second node), {@code checkForDueWork} waking
	 * the one that runs.
	 */
	JobScheduler(SchedulerClient client, Runnable checkForDueWork) {
		this.client = client;
		this.checkForDueWork = checkForDueWork;
	}

	/**
	 * Schedules {@code job} to run with {@code data} at {@code at} (or as soon as
	 * possible when that has passed), unless an execution with this id is already
	 * scheduled: then nothing changes and the answer is false. Idempotent.
	 */
	public <T extends Serializable> boolean once(OneTimeTask<T> job, String id, T data, Instant at) {
		Objects.requireNonNull(at, "at");
		boolean scheduled = client.scheduleIfNotExists(job.instance(checkId(id), data), at);
		if (scheduled) {
			checkForDueWorkAfterCommit();
		}
		return scheduled;
	}

	/**
	 * Moves a scheduled execution to {@code at}; false when there is none (it ran, or was
	 * never scheduled).
	 */
	public boolean reschedule(OneTimeTask<?> job, String id, Instant at) {
		Objects.requireNonNull(at, "at");
		TaskInstanceId instance = TaskInstanceId.of(job.getName(), checkId(id));
		if (client.getScheduledExecution(instance).isEmpty()) {
			return false;
		}
		boolean moved = client.reschedule(instance, at);
		if (moved) {
			checkForDueWorkAfterCommit();
		}
		return moved;
	}

	/** Cancels a scheduled execution; false when there is none. */
	public boolean cancel(OneTimeTask<?> job, String id) {
		TaskInstanceId instance = TaskInstanceId.of(job.getName(), checkId(id));
		if (client.getScheduledExecution(instance).isEmpty()) {
			return false;
		}
		client.cancel(instance);
		return true;
	}

	/** Whether an execution with this id is scheduled (and has not run yet). */
	public boolean isScheduled(OneTimeTask<?> job, String id) {
		return client.getScheduledExecution(TaskInstanceId.of(job.getName(), checkId(id))).isPresent();
	}

	/**
	 * Asks this node's scheduler to look for due executions now instead of at its next
	 * poll (nothing when this node runs no jobs). Scheduling does so by itself after its
	 * transaction commits, so that an execution due now runs at once; tests call it after
	 * moving their clock.
	 */
	public void checkForDueWork() {
		checkForDueWork.run();
	}

	private void checkForDueWorkAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					checkForDueWork.run();
				}
			});
		}
		else {
			checkForDueWork.run();
		}
	}

	private static String checkId(String id) {
		if (id == null || id.isEmpty() || id.length() > 200 || !id.chars().allMatch(c -> c > 32 && c < 127)) {
			throw new IllegalArgumentException("An execution's id is 1-200 visible ASCII characters");
		}
		return id;
	}

}
