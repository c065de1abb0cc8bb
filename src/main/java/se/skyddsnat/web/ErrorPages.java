package se.skyddsnat.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors that no controller handled (an unknown path, a filter's refusal): browsers get the
 * Swedish error page ({@code error.html}), everyone else problem+json. Never a stack trace,
 * an exception message or SQL.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPages extends BasicErrorController {

    private final MessageSource messages;

    ErrorPages(ErrorAttributes errorAttributes, ObjectProvider<ErrorViewResolver> resolvers, MessageSource messages) {
        super(errorAttributes, new ErrorProperties(), resolvers.orderedStream().toList());
        this.messages = messages;
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return ResponseEntity.noContent().build();
        }
        Locale locale = request.getHeader("Accept-Language") == null ? WebConfiguration.SWEDISH : request.getLocale();
        String key = switch (status.value()) {
            case 401, 403, 404 -> "problem.status." + status.value();
            default -> status.is4xxClientError() ? "problem.status.4xx" : "problem.status.5xx";
        };
        var body = new LinkedHashMap<String, Object>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", messages.getMessage(key, null, locale));
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (path != null) {
            body.put("instance", path);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
