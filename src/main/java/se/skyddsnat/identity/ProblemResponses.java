package se.skyddsnat.identity;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 for API clients as RFC 9457 problem details, in the language the client
 * asks for (Swedish by default). Security filters run before Spring MVC, so they write
 * the body themselves.
 */
@Component
@RequiredArgsConstructor
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final Locale SWEDISH = Locale.forLanguageTag("sv");

	private final MessageSource messages;

	private final JsonMapper json;

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		write(request, response, 401, "problem.unauthorized.title", "problem.unauthorized.detail");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
			throws IOException {
		write(request, response, 403, "problem.forbidden.title", "problem.forbidden.detail");
	}

	/**
	 * A problem written by a filter, in the fields and order of every other API problem
	 * of the filters.
	 */
	record FilterProblem(String type, String title, int status, String detail, String instance) {
	}

	void write(HttpServletRequest request, HttpServletResponse response, int status, String titleKey, String detailKey)
			throws IOException {
		Locale locale = request.getHeader("Accept-Language") == null ? SWEDISH : request.getLocale();
		var body = new FilterProblem("about:blank", messages.getMessage(titleKey, null, locale), status,
				messages.getMessage(detailKey, null, locale), request.getRequestURI());
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Bearer");
		}
		json.writeValue(response.getOutputStream(), body);
	}

}
