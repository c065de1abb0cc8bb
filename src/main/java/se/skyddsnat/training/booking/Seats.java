package se.skyddsnat.training.booking;

import java.util.Map;

import se.skyddsnat.training.course.Session;

/**
 * Whether a seat is free for a person of a municipality: the capacity less the seats
 * taken and less the seats still held for other municipalities (a municipality's quota
 * less its seats taken), until the quotas are released.
 */
final class Seats {

	private Seats() {
	}

	static int freeFor(Session session, String municipality, Map<String, Integer> taken) {
		int total = taken.values().stream().mapToInt(Integer::intValue).sum();
		int held = 0;
		if (!session.quotasReleased()) {
			for (var q : session.quotas().entrySet()) {
				if (!q.getKey().equals(municipality)) {
					held += Math.max(0, q.getValue() - taken.getOrDefault(q.getKey(), 0));
				}
			}
		}
		return Math.max(0, session.capacity() - total - held);
	}

	/** The seats free for anyone without a quota of their own. */
	static int freeForAnyone(Session session, Map<String, Integer> taken) {
		return freeFor(session, "annan", taken);
	}

}
