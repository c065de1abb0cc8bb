package se.skyddsnat.identity;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 for API clients as RFC 9457 problem details, in the language the client asks for
 * (Swedish by default). Security filters run before Spring MVC, so they write the body themselves.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    private final MessageSource messages;
    private final JsonMapper json;

    ProblemResponses(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

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

    void write(HttpServletRequest request, HttpServletResponse response, int status, String titleKey,
            String detailKey) throws IOException {
        write(request, response, status, titleKey, detailKey, null);
    }

    /** 400 for one bad field, in the shape of every other API refusal: {@code field} and {@code errors}. */
    void writeInvalid(HttpServletRequest request, HttpServletResponse response, String field, String messageKey)
            throws IOException {
        write(request, response, 400, "problem.invalid.title", messageKey, field);
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, String titleKey,
            String detailKey, String field) throws IOException {
        Locale locale = request.getHeader("Accept-Language") == null ? SWEDISH : request.getLocale();
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", messages.getMessage(titleKey, null, locale));
        body.put("status", status);
        body.put("detail", messages.getMessage(detailKey, null, locale));
        body.put("instance", request.getRequestURI());
        if (field != null) {
            body.put("field", field);
            body.put("errors", java.util.List.of(java.util.Map.of("field", field,
                    "message", messages.getMessage(detailKey, null, locale))));
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(response.getOutputStream(), body);
    }
}
