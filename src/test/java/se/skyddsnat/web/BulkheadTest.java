package se.skyddsnat.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The bulkhead: while its heavy requests are all taken, another heavy request waits its
 * turn and is then answered 503 with Retry-After; the other pages pass by at once,
 * however many heavy requests run; a finished heavy request gives its turn to the next.
 */
class BulkheadTest {

	@Test
	void shouldLetOnlyItsOwnNumberOfHeavyRequestsRunAndNeverHoldUpTheOtherPages() throws Exception {
		var bulkhead = new Bulkhead(1, Duration.ofMillis(200));
		var running = new CountDownLatch(1);
		var release = new CountDownLatch(1);
		var first = Thread.ofPlatform().start(() -> {
			try {
				bulkhead.doFilter(request("GET", "/api/v1/outreach/statistics"), new MockHttpServletResponse(),
						new MockFilterChain(new HttpServlet() {
							@Override
							protected void service(HttpServletRequest req, HttpServletResponse resp) {
								running.countDown();
								try {
									release.await(30, TimeUnit.SECONDS);
								}
								catch (InterruptedException e) {
									Thread.currentThread().interrupt();
								}
							}
						}));
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
		assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

		var refused = new MockHttpServletResponse();
		bulkhead.doFilter(request("GET", "/outreach/statistics.xlsx"), refused, new MockFilterChain());
		assertThat(refused.getStatus()).isEqualTo(503);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("1");

		var light = new MockHttpServletResponse();
		var lightChain = new MockFilterChain();
		bulkhead.doFilter(request("GET", "/cases"), light, lightChain);
		assertThat(light.getStatus()).isEqualTo(200);
		assertThat(lightChain.getRequest()).isNotNull();
		var importForm = new MockFilterChain();
		bulkhead.doFilter(request("GET", "/outreach/import"), new MockHttpServletResponse(), importForm);
		assertThat(importForm.getRequest()).as("the import's form and progress are light").isNotNull();

		release.countDown();
		first.join();
		var next = new MockFilterChain();
		var answered = new MockHttpServletResponse();
		bulkhead.doFilter(request("POST", "/api/v1/outreach/import"), answered, next);
		assertThat(answered.getStatus()).isEqualTo(200);
		assertThat(next.getRequest()).as("the next heavy request runs").isNotNull();
	}

	private static MockHttpServletRequest request(String method, String path) {
		var request = new MockHttpServletRequest(method, path);
		request.setRequestURI(path);
		return request;
	}

}
