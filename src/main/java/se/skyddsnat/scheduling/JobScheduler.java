package se.skyddsnat.scheduling;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.springframework.stereotype.Service;

/**
 * Schedules executions of one-time jobs (declared with {@link Jobs#once}). Every call runs in the caller's
 * transaction: an execution scheduled in a transaction that rolls back never runs, and one scheduled with the work
 * that caused it commits with it. An execution is named by its job and an id that the caller chooses from what it
 * is about (e.g. {@code offer-42}): ids only, never personal data, since ids appear in log lines.
 */
@Service
public class JobScheduler {

    private final SchedulerClient client;

    JobScheduler(SchedulerClient client) {
        this.client = client;
    }

    /**
     * Schedules {@code job} to run with {@code data} at {@code at} (or as soon as possible when that has passed), unless
     * an execution with this id is already scheduled: then nothing changes and the answer is false. Idempotent.
     */
    public <T extends Serializable> boolean once(OneTimeTask<T> job, String id, T data, Instant at) {
        Objects.requireNonNull(at, "at");
        return client.scheduleIfNotExists(job.instance(checkId(id), data), at);
    }

    /** Moves a scheduled execution to {@code at}; false when there is none (it ran, or was never scheduled). */
    public boolean reschedule(OneTimeTask<?> job, String id, Instant at) {
        Objects.requireNonNull(at, "at");
        TaskInstanceId instance = TaskInstanceId.of(job.getName(), checkId(id));
        if (client.getScheduledExecution(instance).isEmpty()) {
            return false;
        }
        return client.reschedule(instance, at);
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

    private static String checkId(String id) {
        if (id == null || id.isEmpty() || id.length() > 200 || !id.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new IllegalArgumentException("An execution's id is 1-200 visible ASCII characters");
        }
        return id;
    }
}
