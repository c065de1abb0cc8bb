package se.skyddsnat.training.booking;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Training's settings ({@code skyddsnat.training.*}): {@code confirmWithin}, how long an
 * unconfirmed booking waits for its confirmation (24 h); {@code offerValidity}, how long
 * a waitlist offer stands (48 h; at most half the time left before the session);
 * {@code retention}, how long after a session its participants' personal data is kept
 * (365 days); {@code bookingsPerAddress} / {@code bookingsPerEmail}, the most bookings an
 * hour from one network address and for one e-mail address (the spam guard);
 * {@code evaluationWithin}, how long after a session an attendee is still sent the
 * evaluation (30 days).
 */
@ConfigurationProperties("skyddsnat.training")
public record TrainingProperties(@DefaultValue("24h") Duration confirmWithin,
		@DefaultValue("48h") Duration offerValidity, @DefaultValue("365d") Duration retention,
		@DefaultValue("50") int bookingsPerAddress, @DefaultValue("5") int bookingsPerEmail,
		@DefaultValue("30d") Duration evaluationWithin) {

	public TrainingProperties {
		for (var d : new Duration[] { confirmWithin, offerValidity, retention, evaluationWithin }) {
			if (d == null || d.isNegative() || d.isZero()) {
				throw new IllegalArgumentException("skyddsnat.training: durations must be longer than zero");
			}
		}
		if (bookingsPerAddress < 1 || bookingsPerEmail < 1) {
			throw new IllegalArgumentException("skyddsnat.training: the booking limits must be at least 1");
		}
	}
}
