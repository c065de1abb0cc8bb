package se.skyddsnat.training.course;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import se.skyddsnat.training.SessionFormat;

/**
 * A session of a course. Times are instants, shown in {@link #ZONE}; {@code quotas} are
 * the seats held per municipality code until {@code quotaReleaseDays} before the start
 * (or until {@code quotasReleased}).
 */
public record Session(long id, Course course, SessionFormat format, Instant startsAt, Instant endsAt, String place,
		String meetingLink, int capacity, LocalDate bookingOpens, LocalDate bookingCloses, int quotaReleaseDays,
		boolean quotasReleased, List<String> trainers, SessionState state, Map<String, Integer> quotas,
		boolean purged) {

	public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");

	public Session {
		trainers = List.copyOf(trainers);
		quotas = java.util.Collections.unmodifiableMap(new TreeMap<>(quotas));
	}

	public ZonedDateTime start() {
		return startsAt.atZone(ZONE);
	}

	public ZonedDateTime end() {
		return endsAt.atZone(ZONE);
	}

	public boolean published() {
		return state == SessionState.PUBLISHED;
	}

	public boolean cancelled() {
		return state == SessionState.CANCELLED;
	}

	public boolean digital() {
		return format == SessionFormat.DIGITAL;
	}

	/** Whether people may book now: published, in the booking period, not started. */
	public boolean bookable(Instant now) {
		LocalDate today = now.atZone(ZONE).toLocalDate();
		return published() && !today.isBefore(bookingOpens) && !today.isAfter(bookingCloses) && now.isBefore(startsAt);
	}

	/** Whether the session has ended (and so may have been attended). */
	public boolean ended(Instant now) {
		return !now.isBefore(endsAt);
	}

	/** The seats held for municipalities together. */
	public int quotaSeats() {
		return quotas.values().stream().mapToInt(Integer::intValue).sum();
	}

	/** The day the held seats are released to everyone. */
	public LocalDate quotaReleaseDay() {
		return start().toLocalDate().minusDays(quotaReleaseDays);
	}
}
