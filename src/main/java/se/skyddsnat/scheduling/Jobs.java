package se.skyddsnat.scheduling;

import java.io.Serializable;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * The one way to declare a job: a module returns one of these from a {@code @Bean} method
 * and the scheduler runs it (see the package documentation). Every job made here
 * <ul>
 * <li>runs on one node at a time: each execution is a row in
 * {@code scheduling.scheduled_tasks} that a node must claim before it runs it;</li>
 * <li>is retried when it throws: after {@code skyddsnat.scheduling.retry-delay}, then
 * twice as long each time, at most {@code retry-max-delay} (a recurring job also at its
 * next regular time, if that is sooner);</li>
 * <li>fails without personal data in the log: the log line names the job, the execution's
 * id, the exception's classes and where it was thrown, never an exception's message
 * (which may quote a value).</li>
 * </ul>
 * A job must be idempotent: a node that dies while running one leaves it to be run again
 * by another node, and a failed run is repeated in full. Do the work and record that it
 * was done in one transaction.
 */
public final class Jobs {

	/**
	 * A job's name: lower case words with hyphens, e.g. {@code mail-outbox-send}; it is
	 * the row's key.
	 */
	private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

	private Jobs() {
	}

	/**
	 * Runs {@code work} every {@code delay}, measured from the end of the previous run
	 * (first run at start).
	 */
	public static RecurringTask<Void> every(String name, Duration delay, Runnable work) {
		Objects.requireNonNull(delay, "delay");
		return recurring(name, Schedules.fixedDelay(delay), work);
	}

	/** Runs {@code work} every day at {@code time} in {@code zone}. */
	public static RecurringTask<Void> daily(String name, ZoneId zone, LocalTime time, Runnable work) {
		return recurring(name, Schedules.daily(zone, time), work);
	}

	/**
	 * A job that runs once per execution scheduled through {@link JobScheduler}, with the
	 * execution's data (ids, never personal data: it is stored in the table). Retried
	 * with backoff until it succeeds.
	 */
	public static <T extends Serializable> OneTimeTask<T> once(String name, Class<T> dataClass, Consumer<T> work) {
		checkName(name);
		Objects.requireNonNull(dataClass, "dataClass");
		Objects.requireNonNull(work, "work");
		return new OneTimeJob<>(name, dataClass, work);
	}

	private static RecurringTask<Void> recurring(String name, Schedule schedule, Runnable work) {
		checkName(name);
		Objects.requireNonNull(work, "work");
		return new RecurringJob(name, schedule, work);
	}

	private static void checkName(String name) {
		if (name == null || name.length() > 100 || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException(
					"A job's name is lower case words with hyphens (at most 100 characters)");
		}
	}

	/**
	 * Made by {@link Jobs}: the scheduler refuses any other task, so that every job fails
	 * and retries alike.
	 */
	interface Job {

		/**
		 * Gives the failure handler the settings it needs (before the scheduler starts).
		 */
		void configure(SchedulingProperties properties);

	}

	private static final class RecurringJob extends RecurringTask<Void> implements Job {

		private final Runnable work;

		private final RetryWithBackoff<Void> onFailure;

		RecurringJob(String name, Schedule schedule, Runnable work) {
			this(name, schedule, work, new RetryWithBackoff<>(schedule));
		}

		private RecurringJob(String name, Schedule schedule, Runnable work, RetryWithBackoff<Void> onFailure) {
			super(name, schedule, Void.class, onFailure);
			this.work = work;
			this.onFailure = onFailure;
		}

		@Override
		public void executeRecurringly(TaskInstance<Void> instance, ExecutionContext context) {
			JobFailed.run(getName(), work);
		}

		@Override
		public void configure(SchedulingProperties properties) {
			onFailure.configure(properties);
		}

	}

	private static final class OneTimeJob<T> extends OneTimeTask<T> implements Job {

		private final Consumer<T> work;

		private final RetryWithBackoff<T> onFailure;

		OneTimeJob(String name, Class<T> dataClass, Consumer<T> work) {
			this(name, dataClass, work, new RetryWithBackoff<>(null));
		}

		private OneTimeJob(String name, Class<T> dataClass, Consumer<T> work, RetryWithBackoff<T> onFailure) {
			super(name, dataClass, onFailure,
					new com.github.kagkarlsson.scheduler.task.DeadExecutionHandler.ReviveDeadExecution<>());
			this.work = work;
			this.onFailure = onFailure;
		}

		@Override
		public void executeOnce(TaskInstance<T> instance, ExecutionContext context) {
			T data = instance.getData();
			JobFailed.run(getName(), () -> work.accept(data));
		}

		@Override
		public void configure(SchedulingProperties properties) {
			onFailure.configure(properties);
		}

	}

}
