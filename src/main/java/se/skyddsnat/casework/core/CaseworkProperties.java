package se.skyddsnat.casework.core;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code emergencyAccess}: how long emergency access lasts (4 h).
 * {@code permitReminderDays}: days before a residence permit ends that a reminder shows.
 * {@code returnFollowUp}: how long after a return IOM's follow-up runs. Stödcentrum: the
 * age range served and the number of support talks before a choice must be made.
 */
@ConfigurationProperties("skyddsnat.casework")
public record CaseworkProperties(@DefaultValue("4h") Duration emergencyAccess,
		@DefaultValue("30") int permitReminderDays, @DefaultValue("P6M") java.time.Period returnFollowUp,
		@DefaultValue("10") int stodcentrumMinAge, @DefaultValue("20") int stodcentrumMaxAge,
		@DefaultValue("5") int stodcentrumTalks) {
}
