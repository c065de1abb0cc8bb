package se.skyddsnat.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A bulkhead for heavy requests — statistics, reports, exports and imports: at most
 * {@code skyddsnat.heavy.concurrency} of them run at once (default: half the processors,
 * at least one); the others wait for their turn, holding no database connection and no
 * processor, for up to {@code skyddsnat.heavy.wait} (default 30 s), and are then answered
 * 503 with {@code Retry-After}. So ten people asking for ten years of statistics at once
 * cannot starve the pages everyone else is working in. Runs after the security filters: a
 * request that may not see the page never waits.
 */
class Bulkhead extends OncePerRequestFilter {

	/** The heavy requests, by path prefix. */
	static final List<String> HEAVY = List.of("/outreach/statistics", "/api/v1/outreach/statistics", "/outreach/import",
			"/api/v1/outreach/import", "/followup/usage", "/region/cost-split.");

	private final Semaphore permits;

	private final Duration wait;

	Bulkhead(int concurrency, Duration wait) {
		this.permits = new Semaphore(Math.max(1, concurrency), true);
		this.wait = wait;
	}

	static boolean heavy(HttpServletRequest request) {
		String path = request.getRequestURI();
		if (path.startsWith("/outreach/import") && "GET".equals(request.getMethod())) {
			return false; // the import's form and its progress are light; the upload and
							// the confirmation are not
		}
		return HEAVY.stream().anyMatch(path::startsWith);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !heavy(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean acquired;
		try {
			acquired = permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			response.setHeader("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			permits.release();
		}
	}

}
