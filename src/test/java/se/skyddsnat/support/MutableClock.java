package se.skyddsnat.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that stands still until a test moves it: for a test context whose jobs (the
 * scheduler reads the application's clock) must run when the test says so, e.g. "31 days
 * later". Thread-safe; starts at the real now.
 */
public final class MutableClock extends Clock {

	private final AtomicReference<Instant> now;

	private final ZoneId zone;

	public MutableClock(Instant start, ZoneId zone) {
		this(new AtomicReference<>(start), zone);
	}

	private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
		this.now = now;
		this.zone = zone;
	}

	/**
	 * The real now to the millisecond (PostgreSQL rounds to microseconds, so a finer
	 * start would store some instants a fraction later than the clock says), in
	 * Europe/Stockholm.
	 */
	public static MutableClock startingNow() {
		return new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
				ZoneId.of("Europe/Stockholm"));
	}

	public void advance(Duration duration) {
		now.updateAndGet(t -> t.plus(duration));
	}

	public void set(Instant instant) {
		now.set(instant);
	}

	@Override
	public Instant instant() {
		return now.get();
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	/** The same moving time in another zone. */
	@Override
	public Clock withZone(ZoneId zone) {
		return new MutableClock(now, zone);
	}

}
