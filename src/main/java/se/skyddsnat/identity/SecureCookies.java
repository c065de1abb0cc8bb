package se.skyddsnat.identity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.util.OnCommittedResponseWrapper;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every cookie is {@code Secure} when the request came over HTTPS — as the TLS proxy says
 * in {@code X-Forwarded-Proto}, when {@code server.forward-headers-strategy} trusts it —
 * or always with {@code skyddsnat.security.https-only}. Tomcat marks its session cookie
 * Secure by itself only when the connector saw HTTPS ({@code native}); with the
 * {@code framework} strategy the request is HTTPS for the application only, so the
 * headers are put right here, before the response is committed.
 */
@RequiredArgsConstructor
class SecureCookies extends OncePerRequestFilter {

	private static final Pattern SECURE = Pattern.compile("(?i);\\s*secure\\s*(;|$)");

	private final boolean httpsOnly;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!httpsOnly && !request.isSecure()) {
			chain.doFilter(request, response);
			return;
		}
		var secured = new Secured(response);
		chain.doFilter(request, secured);
		secured.secureSetCookieHeaders();
	}

	private static final class Secured extends OnCommittedResponseWrapper {

		Secured(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void addCookie(Cookie cookie) {
			cookie.setSecure(true);
			super.addCookie(cookie);
		}

		@Override
		protected void onResponseCommitted() {
			secureSetCookieHeaders();
		}

		/**
		 * Also the session cookie, which Tomcat writes into its own response past any
		 * wrapper.
		 */
		void secureSetCookieHeaders() {
			if (getResponse().isCommitted()) {
				return;
			}
			List<String> cookies = new ArrayList<>(getHeaders(HttpHeaders.SET_COOKIE));
			if (cookies.stream().allMatch(c -> SECURE.matcher(c).find())) {
				return;
			}
			boolean first = true;
			for (String cookie : cookies) {
				String secure = SECURE.matcher(cookie).find() ? cookie : cookie + "; Secure";
				if (first) {
					super.setHeader(HttpHeaders.SET_COOKIE, secure);
					first = false;
				}
				else {
					super.addHeader(HttpHeaders.SET_COOKIE, secure);
				}
			}
		}

	}

}
