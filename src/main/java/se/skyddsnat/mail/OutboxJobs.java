package se.skyddsnat.mail;

import java.time.Clock;
import java.time.LocalTime;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import se.skyddsnat.scheduling.Jobs;

/**
 * The outbox's two jobs: sending (every {@code send-interval}, 10 s) and retention
 * (daily, 03:15 local time).
 */
@Configuration(proxyBeanMethods = false)
class OutboxJobs {

	static final String SEND = "mail-outbox-send";
	static final String RETENTION = "mail-outbox-retention";

	@Bean
	RecurringTask<Void> mailOutboxSend(OutboxSender sender, OutboxProperties properties) {
		return Jobs.every(SEND, properties.sendInterval(), sender::sendDue);
	}

	@Bean
	RecurringTask<Void> mailOutboxRetention(OutboxRetention retention, Clock clock) {
		return Jobs.daily(RETENTION, clock.getZone(), LocalTime.of(3, 15), retention::deleteExpired);
	}

}
