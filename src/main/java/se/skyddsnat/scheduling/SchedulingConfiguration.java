package se.skyddsnat.scheduling;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.PostgreSqlJdbcCustomization;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * One db-scheduler {@link Scheduler} per node, on the application's database, built here
 * rather than by db-scheduler's Spring Boot starter: the starter 16.7.1 is written for
 * Spring Boot 3 — it orders itself after Boot 3's {@code DataSourceAutoConfiguration}
 * (moved in Boot 4), so with an external PostgreSQL its
 * {@code @ConditionalOnBean(DataSource)} is decided before Boot's DataSource exists and
 * no scheduler is made, and its health and metrics configurations name Boot 3 classes
 * that no longer exist. Its Boot 4 starter is not served here.
 * <p>
 * The jobs are every {@link Task} bean; each must come from {@link Jobs} (any other is
 * refused at start, so that every job retries and logs alike). The scheduler's
 * connections go through a {@link TransactionAwareDataSourceProxy}, so that
 * {@link JobScheduler} joins the caller's transaction. It polls with db-scheduler's
 * default strategy (fetch due executions, then claim each by its version with one
 * UPDATE): a node claims only executions of jobs it knows, so a node of an older version
 * during a rolling upgrade never takes a newer job's execution and leaves it stranded.
 */
@Configuration(proxyBeanMethods = false)
class SchedulingConfiguration {

	static final String TABLE = "scheduling.scheduled_tasks";

	/**
	 * The node's running scheduler, made anew at every start: a db-scheduler
	 * {@link Scheduler} cannot start again once stopped, and Spring stops and starts the
	 * lifecycle beans of a context (the test framework does so for every cached context
	 * that it pauses while others run).
	 */
	@Bean
	SchedulerLifecycle schedulerLifecycle(DataSource dataSource, ObjectProvider<Task<?>> tasks,
			SchedulingProperties properties, Clock clock) {
		List<Task<?>> jobs = tasks.orderedStream().toList();
		String node = nodeName();
		requireJobs(jobs); // now, at start-up, not at the first start of the scheduler
		return new SchedulerLifecycle(() -> build(dataSource, jobs, properties, clock, node), properties.enabled());
	}

	/**
	 * What modules schedule through ({@link JobScheduler}): a scheduler of the same jobs
	 * that is never started, used only for its client operations, so it works whether or
	 * not this node runs jobs and across restarts.
	 */
	@Bean
	@DependsOnDatabaseInitialization
	SchedulerClient schedulerClient(DataSource dataSource, ObjectProvider<Task<?>> tasks,
			SchedulingProperties properties, Clock clock) {
		return build(dataSource, tasks.orderedStream().toList(), properties, clock, nodeName());
	}

	/**
	 * A scheduler for these jobs; also used by the tests to stand for a second node on
	 * the same database.
	 */
	static Scheduler build(DataSource dataSource, List<Task<?>> tasks, SchedulingProperties properties, Clock clock,
			String nodeName) {
		var plain = new ArrayList<Task<?>>();
		var startup = new ArrayList<Task<?>>();
		requireJobs(tasks);
		for (Task<?> task : tasks) {
			((Jobs.Job) task).configure(properties);
			if (task instanceof OnStartup) {
				startup.add(task);
			}
			else {
				plain.add(task);
			}
		}
		DataSource transactional = dataSource instanceof TransactionAwareDataSourceProxy ? dataSource
				: new TransactionAwareDataSourceProxy(dataSource);
		return withStartTasks(Scheduler.create(transactional, plain), startup).tableName(TABLE)
			.jdbcCustomization(new PostgreSqlJdbcCustomization(false, false))
			.clock(clock::instant)
			.schedulerName(new SchedulerName.Fixed(nodeName))
			.threads(properties.threads())
			.pollingInterval(properties.pollingInterval())
			.heartbeatInterval(properties.heartbeatInterval())
			.missedHeartbeatsLimit(properties.missedHeartbeats())
			.serializer(new FilteredJavaSerializer())
			// RetryWithBackoff logs each failure once, without the exception's message
			.failureLogging(LogLevel.OFF, false)
			.shutdownMaxWait(properties.shutdownMaxWait())
			.build();
	}

	/**
	 * Every task must come from {@link Jobs}, so that every job retries and logs alike.
	 */
	static void requireJobs(List<Task<?>> tasks) {
		for (Task<?> task : tasks) {
			if (!(task instanceof Jobs.Job)) {
				throw new IllegalStateException("The task " + task.getName()
						+ " is not declared through se.skyddsnat.scheduling.Jobs, so it would not retry and log alike");
			}
		}
	}

	/**
	 * Recurring jobs schedule their first execution when the scheduler starts (each one
	 * of them implements OnStartup).
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static SchedulerBuilder withStartTasks(SchedulerBuilder builder, List<Task<?>> startup) {
		return builder.startTasks((List) startup);
	}

	/** host:pid, so that two nodes on one machine are told apart in {@code picked_by}. */
	static String nodeName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (Exception e) {
			host = "unknown-host";
		}
		String name = host + ":" + ManagementFactory.getRuntimeMXBean().getPid();
		return name.length() <= 50 ? name : name.substring(name.length() - 50);
	}

}
