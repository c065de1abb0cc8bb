package se.skyddsnat.shared;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The errors of a big file, bounded: every error is counted, the first {@link #SHOWN} (in
 * {@code order}) are kept to show. A file of a million bad lines then costs a hundred
 * messages, not a million, and the answer still says how many there were.
 */
public final class FirstErrors<T> {

	/**
	 * How many errors an answer lists (the API's {@code errors}, the page's table);
	 * {@code errorCount} has them all.
	 */
	public static final int SHOWN = 100;

	private final Comparator<? super T> order;

	private final int limit;

	private final List<T> kept = new ArrayList<>();

	private int total;

	public FirstErrors(Comparator<? super T> order) {
		this(order, SHOWN);
	}

	public FirstErrors(Comparator<? super T> order, int limit) {
		this.order = order;
		this.limit = limit;
	}

	public void add(T error) {
		total++;
		kept.add(error);
		if (kept.size() > 2 * limit) {
			trim();
		}
	}

	public boolean isEmpty() {
		return total == 0;
	}

	/** How many errors there were in all. */
	public int total() {
		return total;
	}

	/** The first errors in order, at most {@link #SHOWN}. */
	public List<T> first() {
		trim();
		return List.copyOf(kept);
	}

	private void trim() {
		kept.sort(order); // stable: errors that compare equal keep the order they were
							// found in
		if (kept.size() > limit) {
			kept.subList(limit, kept.size()).clear();
		}
	}

}
