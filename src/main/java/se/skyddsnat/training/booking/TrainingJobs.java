package se.skyddsnat.training.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import se.skyddsnat.scheduling.Jobs;

/**
 * Training's jobs, each looking for due work in the database (so they catch up after
 * downtime) and doing each item with its mark in one transaction (so a second run finds
 * it done): unconfirmed bookings lapse, offers expire and pass on, held seats are
 * released, reminders two days before, evaluation mails after, personal data deleted.
 */
@Configuration(proxyBeanMethods = false)
class TrainingJobs {

	static final String LAPSE = "training-booking-lapse";
	static final String OFFER_EXPIRY = "training-offer-expiry";
	static final String QUOTA_RELEASE = "training-quota-release";
	static final String REMINDERS = "training-reminders";
	static final String EVALUATIONS = "training-evaluation-mails";
	static final String RETENTION = "training-retention";

	@Bean
	RecurringTask<Void> trainingBookingLapse(Bookings bookings) {
		return Jobs.every(LAPSE, Duration.ofMinutes(5), bookings::lapseUnconfirmed);
	}

	@Bean
	RecurringTask<Void> trainingOfferExpiry(Bookings bookings) {
		return Jobs.every(OFFER_EXPIRY, Duration.ofMinutes(1), () -> bookings.dueOffers().forEach(bookings::expire));
	}

	@Bean
	RecurringTask<Void> trainingQuotaRelease(Bookings bookings) {
		return Jobs.every(QUOTA_RELEASE, Duration.ofMinutes(15),
				() -> bookings.sessionsToRelease().forEach(bookings::release));
	}

	@Bean
	RecurringTask<Void> trainingReminders(Bookings bookings) {
		return Jobs.every(REMINDERS, Duration.ofMinutes(15),
				() -> bookings.sessionsToRemind().forEach(bookings::remind));
	}

	@Bean
	RecurringTask<Void> trainingEvaluationMails(Bookings bookings) {
		return Jobs.every(EVALUATIONS, Duration.ofMinutes(15),
				() -> bookings.attendedToEvaluate().forEach(bookings::sendEvaluation));
	}

	@Bean
	RecurringTask<Void> trainingRetention(Bookings bookings, Clock clock) {
		return Jobs.daily(RETENTION, clock.getZone(), LocalTime.of(3, 40),
				() -> bookings.sessionsToPurge().forEach(bookings::purge));
	}

}
