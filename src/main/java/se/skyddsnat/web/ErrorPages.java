package se.skyddsnat.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import se.skyddsnat.shared.InvalidInput;

/**
 * Errors that no controller answered itself (an unknown path, a filter's refusal, a
 * page's refused input): API paths get problem+json, every other path the Swedish error
 * page ({@code error.html}) — whatever the {@code Accept} header says, so that a browser
 * that asked for JSON still gets a page and a client never gets HTML for an API path.
 * Never a stack trace, an exception message or SQL. Whoever sends the error may leave a
 * {@link #DETAIL} (a message to show) and {@link #VIOLATIONS} (the fields that were
 * wrong) as request attributes.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
@RequiredArgsConstructor
class ErrorPages implements ErrorController {

	/**
	 * Request attribute: a {@link MessageSourceResolvable} that says what was wrong (e.g.
	 * the size limit).
	 */
	static final String DETAIL = ErrorPages.class.getName() + ".detail";

	/** Request attribute: the {@link InvalidInput.Violation}s to list by field. */
	static final String VIOLATIONS = ErrorPages.class.getName() + ".violations";

	private final MessageSource messages;

	@RequestMapping
	Object error(HttpServletRequest request) {
		HttpStatus status = status(request);
		if (status == HttpStatus.NO_CONTENT) {
			return ResponseEntity.noContent().build();
		}
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri instanceof String s ? s : request.getRequestURI();
		if (isApi(path)) {
			return problem(request, status, path);
		}
		if (status == HttpStatus.METHOD_NOT_ALLOWED && "GET".equals(request.getMethod()) && path != null) {
			// a reload or "back" after a form's answer asks for the form's POST address
			// by GET: not an error for
			// the person, who is taken to the page the form belongs to (/cases/5/close →
			// /cases/5)
			return new ModelAndView("redirect:" + formPage(path));
		}
		Locale locale = RequestContextUtils.getLocale(request);
		var page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("detail", detail(request, status, locale));
		page.addObject("violations", violations(request, locale));
		if (status == HttpStatus.FORBIDDEN) {
			page.addObject("refused", messages.getMessage("error.403.cannot",
					new Object[] { messages.getMessage(refused(path), null, locale) }, locale));
		}
		return page;
	}

	/**
	 * What a 403 page says the user may not do, by the part of the application asked for
	 * (a bundle key {@code error.403.what.<area>}); "the page" for anything else. The
	 * page adds whom to ask.
	 */
	static String refused(String path) {
		for (var area : REFUSED_AREAS) {
			if (path != null && path.startsWith(area[0])) {
				return "error.403.what." + area[1];
			}
		}
		return "error.403.what.page";
	}

	private static final String[][] REFUSED_AREAS = { { "/admin/audit", "audit" }, { "/admin/users", "users" },
			{ "/admin/units", "units" }, { "/admin/outbox", "outbox" }, { "/admin", "admin" },
			{ "/region/cost-split", "costSplit" }, { "/region/population", "population" },
			{ "/region/non-joined", "nonJoined" }, { "/region/notices", "notices" }, { "/region/meetings", "meetings" },
			{ "/region/consultations", "consultations" }, { "/municipalities", "agreements" },
			{ "/followup/usage", "usage" }, { "/outreach/statistics", "statistics" }, { "/outreach/import", "import" },
			{ "/outreach", "outreach" }, { "/casework/stodcentrum/indicators", "stodcentrum" },
			{ "/casework/review", "review" }, { "/cases", "cases" }, { "/people", "people" }, { "/referrals", "cases" },
			{ "/emergency", "emergency" } };

	/**
	 * The problem+json of an error no controller answered, in the fields and order it
	 * always had.
	 */
	record Problem(String type, String title, int status, String detail, String instance, String field,
			List<FieldError> errors) {
	}

	/** A field that was wrong, and why. */
	record FieldError(String field, String message) {
	}

	private ResponseEntity<Problem> problem(HttpServletRequest request, HttpStatus status, String path) {
		Locale locale = request.getHeader("Accept-Language") == null ? WebConfiguration.SWEDISH : request.getLocale();
		List<FieldError> errors = violations(request, locale);
		var body = new Problem("about:blank", status.getReasonPhrase(), status.value(), detail(request, status, locale),
				path, errors.isEmpty() ? null : errors.getFirst().field(), errors.isEmpty() ? null : errors);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

	private String detail(HttpServletRequest request, HttpStatus status, Locale locale) {
		if (request.getAttribute(DETAIL) instanceof MessageSourceResolvable detail) {
			return messages.getMessage(detail, locale);
		}
		String key = switch (status.value()) {
			case 400, 401, 403, 404, 405, 413, 415 -> "problem.status." + status.value();
			default -> status.is4xxClientError() ? "problem.status.4xx" : "problem.status.5xx";
		};
		return messages.getMessage(key, null, locale);
	}

	private List<FieldError> violations(HttpServletRequest request, Locale locale) {
		if (!(request.getAttribute(VIOLATIONS) instanceof List<?> list)) {
			return List.of();
		}
		return list.stream()
			.filter(InvalidInput.Violation.class::isInstance)
			.map(InvalidInput.Violation.class::cast)
			.map(v -> new FieldError(v.field(), messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale)))
			.toList();
	}

	/**
	 * The page a form's POST address belongs to: the address without its last part ("/"
	 * at the top).
	 */
	static String formPage(String path) {
		String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		int last = trimmed.lastIndexOf('/');
		return last <= 0 ? "/" : trimmed.substring(0, last);
	}

	/**
	 * Paths whose callers are programs: the API, the actuator and the OpenAPI document.
	 */
	static boolean isApi(String path) {
		return path != null && (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator")
				|| path.startsWith("/v3/api-docs"));
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer c) {
			HttpStatus status = HttpStatus.resolve(c);
			if (status != null) {
				return status;
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
