package se.skyddsnat.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's last word, for what never reaches the application: a request Tomcat itself
 * refuses ({@code %00} in the path, a malformed URL or request line, a header over the
 * size limit) or an error the error page could not render. Instead of Tomcat's English
 * page: problem+json for API paths (or a client that asks only for JSON), a small Swedish
 * page otherwise (English when the browser asks for it), with the texts of
 * {@code i18n/web}. Installed as the host's error report valve
 * ({@link WebConfiguration}); the application's own error page answers everything else.
 */
public class ContainerErrors extends ErrorReportValve {

	public ContainerErrors() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		var ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		String path = path(request);
		Locale locale = english(request) ? Locale.ENGLISH : WebConfiguration.SWEDISH;
		ResourceBundle texts = ResourceBundle.getBundle("i18n.web", locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		String detail = text(texts, status >= 500 ? "problem.status.5xx" : "problem.malformed.detail");
		try {
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer == null) {
				return;
			}
			if (ErrorPages.isApi(path) || (path == null && acceptsOnlyJson(request))) {
				response.setContentType("application/problem+json");
				writer.write("{\"type\":\"about:blank\",\"title\":\"" + json(text(texts, "problem.container.title"))
						+ "\",\"status\":" + status + ",\"detail\":\"" + json(detail) + "\"}");
			}
			else {
				response.setContentType("text/html");
				writer.write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
						+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
						+ html(text(texts, "error.title")) + " – " + html(text(texts, "app.name")) + "</title>"
						+ "<link rel=\"stylesheet\" href=\"/css/app.css\"></head><body><main id=\"main\" class=\"narrow\">"
						+ "<h1>" + html(text(texts, "error.title")) + "</h1><p>" + html(detail)
						+ "</p><p><a href=\"/\">" + html(text(texts, "error.back")) + "</a></p></main></body></html>");
			}
			response.finishResponse();
		}
		catch (IOException | IllegalStateException e) {
			// the client is gone or the response is closed: nothing more to say
		}
	}

	/** The path as sent (undecoded), or null when the request line could not be read. */
	private static String path(Request request) {
		try {
			return request.getRequestURI();
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	private static boolean english(Request request) {
		String language = header(request, "Accept-Language");
		return language != null && language.toLowerCase(Locale.ROOT).startsWith("en");
	}

	private static boolean acceptsOnlyJson(Request request) {
		String accept = header(request, "Accept");
		return accept != null && accept.contains("json") && !accept.contains("html");
	}

	private static String header(Request request, String name) {
		try {
			return request.getHeader(name);
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	private static String text(ResourceBundle texts, String key) {
		try {
			return texts.getString(key);
		}
		catch (MissingResourceException e) {
			return key;
		}
	}

	private static String json(String s) {
		return s.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	private static String html(String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
