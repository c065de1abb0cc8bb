package se.skyddsnat.training.course;

/**
 * A published session was changed (its time, place or link) or cancelled: published in
 * the transaction of the change, so the mails to its participants are queued with it.
 */
public record SessionChanged(long sessionId, Kind kind) {

	public enum Kind {

		CHANGED, CANCELLED

	}
}
