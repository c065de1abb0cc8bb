package se.skyddsnat.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Real concurrency for tests: the same call on n threads, released together by a latch.
 */
public final class Concurrently {

	private Concurrently() {
	}

	/**
	 * Runs {@code call} on n threads that start at the same moment; the answers in the
	 * order the threads were made.
	 */
	public static <T> List<T> together(int n, Callable<T> call) throws Exception {
		return together(n, i -> call.call());
	}

	/**
	 * As {@link #together(int, Callable)}, with the thread's number (0..n-1), e.g. to act
	 * as n different users.
	 */
	public static <T> List<T> together(int n, Numbered<T> call) throws Exception {
		var ready = new CountDownLatch(n);
		var start = new CountDownLatch(1);
		try (var pool = Executors.newFixedThreadPool(n)) {
			var futures = new ArrayList<Future<T>>();
			for (int i = 0; i < n; i++) {
				int number = i;
				futures.add(pool.submit(() -> {
					ready.countDown();
					start.await();
					return call.call(number);
				}));
			}
			ready.await();
			start.countDown();
			var results = new ArrayList<T>();
			for (var f : futures) {
				results.add(f.get());
			}
			return results;
		}
	}

	@FunctionalInterface
	public interface Numbered<T> {

		T call(int number) throws Exception;

	}

}
