package se.skyddsnat.training.booking;

import java.time.Instant;

import se.skyddsnat.training.Profession;

/**
 * A person's booking of a session (personal data: shown to organisers only, deleted after
 * the retention time).
 */
public record Booking(long id, long sessionId, String name, String email, String municipality, String organisation,
		Profession role, String needs, BookingState state, String lang, Instant createdAt, Instant queuedAt) {

	/** Never the person's data. */
	@Override
	public String toString() {
		return "Booking[" + id + ", " + state + "]";
	}
}
