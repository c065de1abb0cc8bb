package se.skyddsnat.training.booking;

import java.time.Instant;

/**
 * A waitlist offer and its outcome ({@code open}, {@code accepted}, {@code declined},
 * {@code expired}, {@code withdrawn}).
 */
public record Offer(long id, Long bookingId, String name, Instant offeredAt, Instant expiresAt, String outcome,
		Instant decidedAt) {
}
