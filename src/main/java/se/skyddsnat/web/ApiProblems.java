package se.skyddsnat.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import se.skyddsnat.shared.InvalidInput;

/**
 * Every API error as RFC 9457 problem+json: a title and a detail a person can act on, and for bad
 * input the fields that were wrong ({@code field} for the first, {@code errors} for all). Unexpected
 * errors say only that something went wrong, with a reference to the server log.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalidInput(InvalidInput e, HttpServletRequest request) {
        Locale locale = locale(request);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("problem.invalid.detail", null, locale));
        problem.setTitle(messages.getMessage("problem.invalid.title", null, locale));
        List<Map<String, String>> errors = e.violations().stream().map(v -> {
            var error = new java.util.LinkedHashMap<String, String>();
            error.put("field", v.field());
            error.put("message", messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale));
            return (Map<String, String>) error;
        }).toList();
        problem.setProperty("field", e.violations().getFirst().field());
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(HttpServletRequest request) {
        Locale locale = locale(request);
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                messages.getMessage("problem.forbidden.detail", null, locale));
        problem.setTitle(messages.getMessage("problem.forbidden.title", null, locale));
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request) {
        String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
        // The driver is configured without server error detail, so no data values reach this log.
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
        Locale locale = request.getHeader("Accept-Language") == null ? WebConfiguration.SWEDISH : request.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("problem.unreadable.detail", null, locale));
        problem.setTitle(messages.getMessage("problem.invalid.title", null, locale));
        return ResponseEntity.badRequest().body(problem);
    }

    private static Locale locale(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? WebConfiguration.SWEDISH : request.getLocale();
    }
}
