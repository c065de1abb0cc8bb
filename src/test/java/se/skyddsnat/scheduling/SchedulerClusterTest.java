package se.skyddsnat.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.skyddsnat.support.Concurrently;
import se.skyddsnat.support.IntegrationTest;
import se.skyddsnat.support.MutableClock;

/**
 * The cluster-safe scheduler on the real database: two schedulers on one database stand
 * for two nodes (each built exactly as the application builds its own), and every
 * execution runs once; a failing job is retried with backoff and logged without its
 * exception's message; a job scheduled in a transaction that rolls back never runs; the
 * application's role may use the new modules' tables but not change them.
 */
@ExtendWith(OutputCaptureExtension.class)
class SchedulerClusterTest extends IntegrationTest {

	private static final SchedulingProperties NODE = new SchedulingProperties(true, Duration.ofSeconds(10), 2,
			Duration.ofSeconds(30), 6, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofSeconds(5));

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JobScheduler applicationJobs;

	private final MutableClock clock = MutableClock.startingNow();

	private final String job = "cluster-test-" + UUID.randomUUID().toString().substring(0, 8);

	private final List<Scheduler> started = new java.util.ArrayList<>();

	@AfterEach
	void stopSchedulersAndRemoveTheirRows() {
		started.forEach(Scheduler::stop);
		jdbc.sql("DELETE FROM scheduling.scheduled_tasks WHERE task_name = ?").param(job).update();
	}

	@Test
	void twoNodesRunEachOfSixtyExecutionsExactlyOnceAndBothTakePart() throws Exception {
		var runs = new ConcurrentHashMap<Integer, AtomicInteger>();
		Set<Integer> onA = ConcurrentHashMap.newKeySet();
		Set<Integer> onB = ConcurrentHashMap.newKeySet();
		var aRan = new CountDownLatch(1);
		var bRan = new CountDownLatch(1);
		// each node's executions wait until the other node has started one: both must
		// take part, side by side
		OneTimeTask<Integer> onNodeA = Jobs.once(job, Integer.class, n -> {
			runs.computeIfAbsent(n, k -> new AtomicInteger()).incrementAndGet();
			onA.add(n);
			aRan.countDown();
			await(bRan);
		});
		OneTimeTask<Integer> onNodeB = Jobs.once(job, Integer.class, n -> {
			runs.computeIfAbsent(n, k -> new AtomicInteger()).incrementAndGet();
			onB.add(n);
			bRan.countDown();
			await(aRan);
		});
		Scheduler a = node("node-a", onNodeA);
		Scheduler b = node("node-b", onNodeB);
		var jobs = new JobScheduler(a, a::triggerCheckForDueExecutions);
		for (int i = 0; i < 60; i++) {
			assertThat(jobs.once(onNodeA, "n-" + i, i, clock.instant())).isTrue();
		}
		assertThat(jobs.once(onNodeA, "n-0", 0, clock.instant())).as("the same execution again").isFalse();

		Concurrently.together(2, i -> {
			start(i == 0 ? a : b);
			return null;
		});
		waitUntil(() -> rows() == 0, a, b);

		assertThat(runs).hasSize(60);
		assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
		assertThat(onA).isNotEmpty().doesNotContainAnyElementsOf(onB);
		assertThat(onB).isNotEmpty();
		assertThat(onA.size() + onB.size()).isEqualTo(60);
	}

	@Test
	void twoNodesRunARecurringJobOnceEachTimeItIsDue() {
		var onA = new AtomicInteger();
		var onB = new AtomicInteger();
		Scheduler a = node("node-a", Jobs.every(job, Duration.ofMinutes(10), onA::incrementAndGet));
		Scheduler b = node("node-b", Jobs.every(job, Duration.ofMinutes(10), onB::incrementAndGet));
		start(a);
		start(b);
		assertThat(rows()).as("one execution row for the job, whichever node made it").isEqualTo(1);

		for (int due = 1; due <= 3; due++) {
			Instant now = clock.instant();
			waitUntil(() -> !picked() && nextExecution().isAfter(now), a, b);
			assertThat(onA.get() + onB.get()).as("runs after %s due times", due).isEqualTo(due);
			clock.advance(Duration.ofMinutes(10));
		}
	}

	@Test
	void aFailingJobIsRetriedWithBackoffAndLoggedWithoutTheExceptionsMessage(CapturedOutput output) {
		var calls = new AtomicInteger();
		OneTimeTask<Long> flaky = Jobs.once(job, Long.class, id -> {
			if (calls.incrementAndGet() <= 2) {
				throw new IllegalStateException("no reply from Kim Testsson <kim.testsson@example.se>",
						new java.net.ConnectException("Connection refused: kim.testsson@example.se"));
			}
		});
		Scheduler a = node("node-a", flaky);
		new JobScheduler(a, a::triggerCheckForDueExecutions).once(flaky, "offer-7", 7L, clock.instant());
		start(a);

		Instant first = clock.instant();
		waitUntil(() -> failures() == 1 && !picked(), a);
		assertThat(nextExecution()).isCloseTo(first.plus(Duration.ofMinutes(1)), within());
		clock.advance(Duration.ofSeconds(50));
		a.triggerCheckForDueExecutions();
		assertThat(calls.get()).as("not due before its retry delay").isEqualTo(1);

		clock.advance(Duration.ofSeconds(11));
		Instant second = clock.instant();
		waitUntil(() -> failures() == 2 && !picked(), a);
		assertThat(nextExecution()).as("twice as long after the second failure")
			.isCloseTo(second.plus(Duration.ofMinutes(2)), within());

		clock.advance(Duration.ofMinutes(2));
		waitUntil(() -> rows() == 0, a);
		assertThat(calls.get()).isEqualTo(3);

		assertThat(output.getAll())
			.contains("Job " + job + " (offer-7) failed, 1 time(s) in a row: "
					+ "IllegalStateException < ConnectException at SchedulerClusterTest.")
			.contains("Job " + job + " (offer-7) failed, 2 time(s) in a row")
			.doesNotContain("Testsson")
			.doesNotContain("example.se")
			.doesNotContain("Connection refused");
	}

	@Test
	void aJobScheduledInATransactionThatRollsBackIsNeverScheduled() {
		OneTimeTask<Long> task = Jobs.once(job, Long.class, id -> {
		});
		var transaction = new TransactionTemplate(transactions);

		transaction.executeWithoutResult(status -> {
			assertThat(applicationJobs.once(task, "rolled-back", 1L, clock.instant())).isTrue();
			assertThat(applicationJobs.isScheduled(task, "rolled-back")).as("inside the transaction").isTrue();
			status.setRollbackOnly();
		});
		assertThat(applicationJobs.isScheduled(task, "rolled-back")).isFalse();
		assertThat(rows()).isZero();

		transaction.executeWithoutResult(status -> applicationJobs.once(task, "committed", 2L, clock.instant()));
		assertThat(applicationJobs.isScheduled(task, "committed")).isTrue();
		assertThat(applicationJobs.reschedule(task, "committed", clock.instant().plus(Duration.ofDays(1)))).isTrue();
		assertThat(nextExecution()).isCloseTo(clock.instant().plus(Duration.ofDays(1)), within());
		assertThat(applicationJobs.cancel(task, "committed")).isTrue();
		assertThat(applicationJobs.cancel(task, "committed")).isFalse();
		assertThat(rows()).isZero();
	}

	@Test
	void aTaskNotDeclaredThroughJobsIsRefused() {
		var plain = Tasks.oneTime("plain-task").execute((instance, context) -> {
		});
		assertThatThrownBy(() -> SchedulingConfiguration.build(dataSource, List.of(plain), NODE, clock, "node-x"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("plain-task")
			.hasMessageContaining("Jobs");
		assertThatThrownBy(() -> Jobs.every("Not A Name", Duration.ofMinutes(1), () -> {
		})).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theApplicationsRoleMayUseTheNewModulesTablesButNotChangeThem() {
		for (String table : List.of("scheduling.scheduled_tasks", "mail.outbox", "mail.outbox_attachments")) {
			assertThat(jdbc.sql("SELECT has_table_privilege(?, 'SELECT, INSERT, UPDATE, DELETE')")
				.param(table)
				.query(Boolean.class)
				.single()).as(table).isTrue();
			assertThat(jdbc.sql("SELECT has_table_privilege(?, 'TRUNCATE') OR has_table_privilege(?, 'TRIGGER')")
				.params(table, table)
				.query(Boolean.class)
				.single()).as(table).isFalse();
		}
		assertThatThrownBy(() -> jdbc.sql("ALTER TABLE scheduling.scheduled_tasks ADD COLUMN x integer").update())
			.rootCause()
			.hasMessageContaining("must be owner");
		assertThatThrownBy(() -> jdbc.sql("CREATE TABLE mail.roles_test (id integer)").update()).rootCause()
			.hasMessageContaining("permission denied for schema mail");
	}

	@Test
	void theApplicationsOwnSchedulerHasScheduledTheOutboxsJobs() {
		assertThat(jdbc.sql("SELECT task_name FROM scheduling.scheduled_tasks WHERE task_instance = 'recurring'")
			.query(String.class)
			.list()).contains("mail-outbox-send", "mail-outbox-retention");
	}

	private Scheduler node(String name, com.github.kagkarlsson.scheduler.task.Task<?> task) {
		return SchedulingConfiguration.build(dataSource, List.of(task), NODE, clock, name);
	}

	private void start(Scheduler scheduler) {
		synchronized (started) {
			started.add(scheduler);
		}
		scheduler.start();
	}

	private long rows() {
		return jdbc.sql("SELECT count(*) FROM scheduling.scheduled_tasks WHERE task_name = ?")
			.param(job)
			.query(Long.class)
			.single();
	}

	private boolean picked() {
		return jdbc.sql("SELECT bool_or(picked) FROM scheduling.scheduled_tasks WHERE task_name = ?")
			.param(job)
			.query(Boolean.class)
			.single();
	}

	private int failures() {
		return jdbc
			.sql("SELECT coalesce(max(consecutive_failures), 0) FROM scheduling.scheduled_tasks WHERE task_name = ?")
			.param(job)
			.query(Integer.class)
			.single();
	}

	private Instant nextExecution() {
		return jdbc.sql("SELECT execution_time FROM scheduling.scheduled_tasks WHERE task_name = ?")
			.param(job)
			.query(OffsetDateTime.class)
			.single()
			.toInstant();
	}

	private static org.assertj.core.data.TemporalUnitOffset within() {
		return org.assertj.core.api.Assertions.within(1, ChronoUnit.SECONDS);
	}

	/**
	 * Asks the schedulers to look for due work until the condition holds (at most 30 s).
	 */
	private static void waitUntil(BooleanSupplier condition, Scheduler... schedulers) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not reached within 30 s");
			}
			for (Scheduler s : schedulers) {
				s.triggerCheckForDueExecutions();
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(20, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the other node ran nothing");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
