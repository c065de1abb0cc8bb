package se.skyddsnat.followup;

import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code skyddsnat.followup.*}: {@code grant-reminder-days} — how many days before a
 * grant's final report is due a reminder is made (default 30 and 7);
 * {@code grant-payment-days} — days after the report's approval that the withheld payment
 * is expected (default 30; late after that); {@code reminder-time} — when the daily
 * reminder job runs (06:00); {@code grant-mail} — an address that also gets each reminder
 * by mail (none by default).
 */
@ConfigurationProperties("skyddsnat.followup")
public record FollowupProperties(@DefaultValue( {
		"30", "7" }) List<Integer> grantReminderDays, @DefaultValue("30") int grantPaymentDays,
		@DefaultValue("06:00") LocalTime reminderTime, String grantMail){
}
