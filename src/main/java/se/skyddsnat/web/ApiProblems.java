package se.skyddsnat.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.Refused;

/**
 * Every API error as RFC 9457 problem+json: a title and a detail a person can act on, and
 * for bad input the fields that were wrong ({@code field} for the first, {@code errors}
 * for all). A body that is not JSON, or a value of the wrong type
 * ({@code {"minutes":"abc"}}), names the field by its JSON path
 * ({@code people[0].personId}); a body over the size limit is 413. Unexpected errors say
 * only that something went wrong, with a reference to the server log. Ordered before the
 * pages' advice ({@link PageProblems}).
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
@RequiredArgsConstructor
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	private final MessageSource messages;

	private final RequestLimits limits;

	/**
	 * Every refusal of bad input, once: the fields that were wrong, or a file's line
	 * errors and their count.
	 */
	@ExceptionHandler(InvalidInput.class)
	ProblemDetail invalidInput(InvalidInput e, HttpServletRequest request) {
		return invalid(e, locale(request));
	}

	/**
	 * Every refusal of the domain, once: its status, its message in the caller's
	 * language, its properties. A 401 (a refused login) says how to authenticate, as the
	 * security filters' 401 does.
	 */
	@ExceptionHandler(Refused.class)
	ResponseEntity<ProblemDetail> refused(Refused e, HttpServletRequest request) {
		Locale locale = locale(request);
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()),
				messages.getMessage(new org.springframework.context.support.DefaultMessageSourceResolvable(
						new String[] { e.messageKey() }, e.args(), e.messageKey()), locale));
		problem.setTitle(messages.getMessage(e.titleKey(), null,
				messages.getMessage("problem.status." + (e.status() >= 500 ? "5xx" : "4xx"), null, locale), locale));
		e.properties().forEach(problem::setProperty);
		var answer = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (e.status() == HttpStatus.UNAUTHORIZED.value()) {
			answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		return answer.body(problem);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail accessDenied(HttpServletRequest request) {
		Locale locale = locale(request);
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
				messages.getMessage("problem.forbidden.detail", null, locale));
		problem.setTitle(messages.getMessage("problem.forbidden.title", null, locale));
		return problem;
	}

	/**
	 * An upload whose files Tomcat refused to read (over the size limit, or not multipart
	 * at all).
	 */
	@ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
	ResponseEntity<Object> unreadableParameters(Exception e, HttpServletRequest request) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof org.apache.tomcat.util.http.fileupload.impl.SizeException) {
				return handleMaxUploadSizeExceededException(new MaxUploadSizeExceededException(limits.fileBytes(), e),
						HttpHeaders.EMPTY, HttpStatus.CONTENT_TOO_LARGE, new ServletWebRequest(request));
			}
		}
		Locale locale = locale(request);
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				messages.getMessage("problem.multipart.detail", null, locale));
		problem.setTitle(messages.getMessage("problem.invalid.title", null, locale));
		return problem(problem);
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception e, HttpServletRequest request) {
		String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
		// The driver is configured without server error detail, so no data values reach
		// this log.
		log.error("Unexpected API error {} on {} {}", reference, request.getMethod(), request.getRequestURI(), e);
		Locale locale = locale(request);
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				messages.getMessage("problem.unexpected.detail", new Object[] { reference }, locale));
		problem.setTitle(messages.getMessage("problem.unexpected.title", null, locale));
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = locale(request);
		if (RequestLimits.tooLarge(ex)) {
			return problem(tooLarge(locale));
		}
		String field = jsonPath(ex);
		if (field != null) {
			return problem(invalid(field, "input.error.type", locale));
		}
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				messages.getMessage("problem.unreadable.detail", null, locale));
		problem.setTitle(messages.getMessage("problem.invalid.title", null, locale));
		return problem(problem);
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = ex.getPropertyName() == null ? "?" : ex.getPropertyName();
		return problem(invalid(field, "input.error.type", locale(request)));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(invalid(ex.getParameterName(), "input.error.missing", locale(request)));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(invalid(ex.getRequestPartName(), "input.error.missing", locale(request)));
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Locale locale = locale(request);
		String file = null;
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof org.apache.tomcat.util.http.fileupload.impl.FileSizeLimitExceededException f) {
				file = se.skyddsnat.shared.Input.echo(f.getFieldName());
			}
		}
		String detail = file == null
				? messages.getMessage("problem.tooLarge.detail",
						new Object[] { RequestLimits
							.format(org.springframework.util.unit.DataSize.ofBytes(limits.requestBytes())) },
						locale)
				: messages.getMessage("problem.fileTooLarge.detail", new Object[] { file, limits.fileLimit() }, locale);
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
		problem.setTitle(messages.getMessage("problem.tooLarge.title", null, locale));
		return problem(problem);
	}

	/**
	 * The other refusals of Spring MVC (method, media type, …) with a detail in the
	 * caller's language.
	 */
	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem && statusCode.is4xxClientError()) {
			Locale locale = locale(request);
			problem.setDetail(messages.getMessage("problem.status." + statusCode.value(), null,
					messages.getMessage("problem.status.4xx", null, locale), locale));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	/** One bad field (a value of the wrong type, a missing parameter). */
	private ProblemDetail invalid(String field, String messageKey, Locale locale) {
		return invalid(InvalidInput.of(field, messageKey), locale);
	}

	private ProblemDetail invalid(InvalidInput e, Locale locale) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				messages.getMessage(e.detailKey(), e.detailArgs(), locale));
		problem.setTitle(messages.getMessage("problem.invalid.title", null, locale));
		if (!e.lineErrors().isEmpty()) {
			problem.setProperty("errorCount", e.errorCount());
			problem.setProperty("errors",
					e.lineErrors()
						.stream()
						.map(l -> new LineErrorJson(l.file(), l.line(), l.column(),
								messages.getMessage(l.messageKey(), l.args(), l.messageKey(), locale)))
						.toList());
			return problem;
		}
		problem.setProperty("field", e.violations().getFirst().field());
		problem.setProperty("errors",
				e.violations()
					.stream()
					.map(v -> new FieldErrorJson(v.field(),
							messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale)))
					.toList());
		return problem;
	}

	/** A field that was wrong, as {@code errors} lists it. */
	record FieldErrorJson(String field, String message) {
	}

	/** A line of a file that was wrong ({@code file} where the request has several). */
	record LineErrorJson(String file, int line, String column, String message) {
	}

	private ProblemDetail tooLarge(Locale locale) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				messages.getMessage("problem.tooLarge.detail", new Object[] { limits.bodyLimit() }, locale));
		problem.setTitle(messages.getMessage("problem.tooLarge.title", null, locale));
		return problem;
	}

	private static ResponseEntity<Object> problem(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/**
	 * The JSON path of the value Jackson could not read ({@code people[0].personId}), or
	 * null.
	 */
	static String jsonPath(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof JacksonException j && !j.getPath().isEmpty()) {
				var sb = new StringBuilder();
				for (JacksonException.Reference ref : j.getPath()) {
					if (ref.getPropertyName() != null) {
						sb.append(sb.isEmpty() ? "" : ".")
							.append(se.skyddsnat.shared.Input.echo(ref.getPropertyName()));
					}
					else if (ref.getIndex() >= 0) {
						sb.append('[').append(ref.getIndex()).append(']');
					}
				}
				return sb.isEmpty() ? null : sb.toString();
			}
		}
		return null;
	}

	private static Locale locale(HttpServletRequest request) {
		return request.getHeader("Accept-Language") == null ? WebConfiguration.SWEDISH : request.getLocale();
	}

	private static Locale locale(WebRequest request) {
		return request.getHeader("Accept-Language") == null ? WebConfiguration.SWEDISH : request.getLocale();
	}

}
