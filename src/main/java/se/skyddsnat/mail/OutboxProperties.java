package se.skyddsnat.mail;

import java.time.Duration;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox's settings ({@code skyddsnat.mail.*}). {@code from}
 * ({@code SKYDDSNAT_MAIL_FROM}): the sender of every mail, an address or
 * {@code Name <address>}. {@code sendInterval}: how often the worker looks for mails to
 * send. {@code retryDelay} / {@code retryMaxDelay}: a mail the server did not take is
 * tried again after the first, then twice as long each time, at most the second — for as
 * long as it takes (nothing is given up). {@code retention}: how long a sent mail is kept
 * (then deleted; unsent ones are kept). {@code batchSize}: the most mails one run sends.
 */
@ConfigurationProperties("skyddsnat.mail")
record OutboxProperties(@DefaultValue("Skyddsnät <skyddsnat@localhost>") String from,
		@DefaultValue("10s") Duration sendInterval, @DefaultValue("1m") Duration retryDelay,
		@DefaultValue("1h") Duration retryMaxDelay, @DefaultValue("30d") Duration retention,
		@DefaultValue("100") int batchSize) {

	OutboxProperties {
		try {
			InternetAddress[] parsed = InternetAddress.parse(from, true);
			if (parsed.length != 1) {
				throw new AddressException();
			}
		}
		catch (AddressException | NullPointerException e) {
			throw new IllegalArgumentException("SKYDDSNAT_MAIL_FROM (skyddsnat.mail.from) must be one address, "
					+ "e.g. \"Skyddsnät <no-reply@example.se>\"");
		}
		for (var d : new Duration[] { sendInterval, retryDelay, retryMaxDelay, retention }) {
			if (d == null || d.isNegative() || d.isZero()) {
				throw new IllegalArgumentException("skyddsnat.mail: send-interval, retry-delay, retry-max-delay and "
						+ "retention must be longer than zero");
			}
		}
		if (retryMaxDelay.compareTo(retryDelay) < 0) {
			throw new IllegalArgumentException("skyddsnat.mail.retry-max-delay must not be shorter than retry-delay");
		}
		if (batchSize < 1 || batchSize > 10_000) {
			throw new IllegalArgumentException("skyddsnat.mail.batch-size must be between 1 and 10 000");
		}
	}

	InternetAddress sender() {
		try {
			return InternetAddress.parse(from, true)[0];
		}
		catch (AddressException e) {
			throw new IllegalStateException(e);
		}
	}

	/** retryDelay × 2^(attempts − 1), at most retryMaxDelay. */
	Duration delayAfter(int attempts) {
		Duration delay = retryDelay;
		for (int i = 1; i < attempts && delay.compareTo(retryMaxDelay) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(retryMaxDelay) > 0 ? retryMaxDelay : delay;
	}
}
