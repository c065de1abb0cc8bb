package se.skyddsnat.identity;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser session whose password was right but whose second factor is not yet given
 * ({@link PendingSecondFactor}) reaches the code page and logout only; every other page
 * sends it to the code page (an htmx request gets 401).
 */
class SecondFactorGate extends OncePerRequestFilter {

	private static final Set<String> ALLOWED = Set.of(SecondFactorController.PATH, "/logout", "/error");

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getServletPath();
		return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
				|| path.equals("/favicon.ico");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof PendingSecondFactor
				&& !ALLOWED.contains(request.getServletPath())) {
			if ("true".equals(request.getHeader("HX-Request"))) {
				response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			}
			else {
				response.sendRedirect(request.getContextPath() + SecondFactorController.PATH);
			}
			return;
		}
		chain.doFilter(request, response);
	}

}
