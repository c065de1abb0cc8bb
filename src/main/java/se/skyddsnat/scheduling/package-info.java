/**
 * Work that runs on a schedule, on one node of several: db-scheduler on the application's
 * PostgreSQL, its table {@code scheduling.scheduled_tasks}. Each execution of a job is a
 * row that a node claims (one UPDATE on the row's version; only one node can win it)
 * before running it, so two nodes never run the same execution; a node that dies while
 * running one stops writing heartbeats and another node runs it again.
 *
 * <h2>Declaring a job (the pattern for every module)</h2> A module declares its jobs as
 * beans, made by {@link se.skyddsnat.scheduling.Jobs} (the scheduler refuses any other
 * task): <pre>{@code
 * &#64;Bean
 * RecurringTask<Void> offerExpiry(Offers offers) {           // recurring: every minute, on one node
 *     return Jobs.every("training-offer-expiry", Duration.ofMinutes(1), offers::expireDue);
 * }
 *
 * &#64;Bean
 * OneTimeTask<Long> reminder(Reminders reminders) {          // one-time: run when a module schedules it
 *     return Jobs.once("training-reminder", Long.class, reminders::send);
 * }
 * }</pre> and schedules one-time executions through
 * {@link se.skyddsnat.scheduling.JobScheduler}, in the transaction of the work that
 * causes them ({@code jobs.once(reminder, "session-" + id, id, startsAt.minus(2, DAYS))}:
 * committed with it, or never).
 * <ul>
 * <li><b>Idempotent.</b> A job may run again after a crash or a failure: do the work and
 * mark it done in one transaction, and skip what is marked (a reminder job queues the
 * mail and records "reminder sent" together; a sweep selects only what is still due).
 * Recurring jobs look for due work in the database rather than trust that they ran at
 * every tick: after downtime they catch up.</li>
 * <li><b>Failures are retried and logged without personal data.</b> A job that throws
 * runs again after {@code skyddsnat.scheduling.retry-delay} (1 min), twice as long after
 * each further failure, at most {@code retry-max-delay} (1 h); the log line names the
 * job, the execution's id and the exception's classes, never its message.</li>
 * <li><b>Ids only.</b> An execution's id and data are ids (of a session, an offer), never
 * a name or an address: both are stored in the table and the id appears in log
 * lines.</li>
 * <li><b>Light.</b> A node looks for due executions every {@code polling-interval} (10
 * s): one indexed query.</li>
 * <li><b>Tests.</b> The scheduler reads the application's {@link java.time.Clock}; a test
 * with a fixed clock moves it and calls
 * {@link se.skyddsnat.scheduling.JobScheduler#checkForDueWork()} (the test support's
 * {@code DueJobs.run} then waits until nothing due is left), so no test waits for a
 * schedule.</li>
 * </ul>
 */
package se.skyddsnat.scheduling;
