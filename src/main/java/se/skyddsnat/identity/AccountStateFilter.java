package se.skyddsnat.identity;

import java.io.IOException;
import java.time.Clock;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For logged-in browser sessions: re-reads the account on every request (one indexed
 * query), so a disabled or locked account is logged out at once and changed roles or
 * units apply at once; and sends a user with a one-time password to change it before
 * anything else.
 */
@RequiredArgsConstructor
class AccountStateFilter extends OncePerRequestFilter {

	private static final Set<String> ALLOWED_WHILE_CHANGING = Set.of("/account/password", "/logout", "/error");

	private final UserAccounts accounts;

	private final Clock clock;

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getServletPath();
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
				|| path.startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof CurrentUser user)) {
			chain.doFilter(request, response);
			return;
		}
		var account = accounts.find(user.id()).filter(a -> a.enabled() && !a.lockedAt(clock.instant()));
		if (account.isEmpty()) {
			SecurityContextHolder.clearContext();
			var session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			response.sendRedirect(request.getContextPath() + "/login?ended");
			return;
		}
		CurrentUser fresh = account.get().toCurrentUser();
		if (!fresh.equals(user)) {
			var context = SecurityContextHolder.getContext();
			var token = UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.authorities());
			token.setDetails(auth.getDetails()); // an OIDC login's details: what its
													// logout needs
			context.setAuthentication(token);
		}
		if (fresh.mustChangePassword() && !ALLOWED_WHILE_CHANGING.contains(request.getServletPath())) {
			response.sendRedirect(request.getContextPath() + "/account/password");
			return;
		}
		chain.doFilter(request, response);
	}

}
