package se.skyddsnat.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real HTTP client against the running application, with its own cookie jar (one
 * browser session). Redirects are not followed, so tests see exactly what the server
 * answered.
 */
public class Http {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;

	private final HttpClient client;

	private String csrf;

	public Http(int port) {
		this.base = "http://localhost:" + port;
		this.client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build());
	}

	/** Posts a form with the CSRF token of the last page fetched (as a browser would). */
	public HttpResponse<String> post(String path, Map<String, String> form) {
		var fields = new LinkedHashMap<>(form);
		if (csrf != null && !fields.containsKey("_csrf")) {
			fields.put("_csrf", csrf);
		}
		return postRaw(path, fields);
	}

	public HttpResponse<String> postRaw(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** Logs in through the login form; returns the answer to the POST (a redirect). */
	public HttpResponse<String> login(String username, String password) {
		get("/login");
		return post("/login", Map.of("username", username, "password", password));
	}

	public HttpResponse<String> json(String method, String path, String json, String bearer) {
		return json(method, path, json, bearer, Map.of());
	}

	/** A JSON request with more headers, e.g. {@code Idempotency-Key}. */
	public HttpResponse<String> json(String method, String path, String json, String bearer,
			Map<String, String> headers) {
		var builder = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, application/problem+json")
			.method(method,
					json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (bearer != null) {
			builder.header("Authorization", "Bearer " + bearer);
		}
		headers.forEach(builder::header);
		return send(builder.build());
	}

	/**
	 * A multipart/form-data POST with one part per file (as a browser or curl -F sends
	 * it).
	 */
	public HttpResponse<String> multipart(String path, Map<String, byte[]> files, String bearer) {
		String boundary = "----skyddsnat" + System.nanoTime();
		var body = new java.io.ByteArrayOutputStream();
		for (var file : files.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
					+ "\"; filename=\"" + file.getKey() + ".csv\"\r\nContent-Type: text/csv\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(file.getValue());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		var builder = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (bearer != null) {
			builder.header("Authorization", "Bearer " + bearer);
		}
		return send(builder.build());
	}

	/**
	 * A browser's file-upload form: text fields (with the CSRF token of the last page)
	 * and one file.
	 */
	public HttpResponse<String> upload(String path, Map<String, String> fields, String fileField, byte[] content) {
		String boundary = "----skyddsnat" + System.nanoTime();
		var body = new java.io.ByteArrayOutputStream();
		var all = new LinkedHashMap<>(fields);
		if (csrf != null) {
			all.putIfAbsent("_csrf", csrf);
		}
		for (var field : all.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
					+ "\"\r\n\r\n" + field.getValue() + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
				+ fileField + ".csv\"\r\nContent-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept", "text/html")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	/**
	 * A browser's file-upload form with several files (and the CSRF token of the last
	 * page).
	 */
	public HttpResponse<String> uploadFiles(String path, Map<String, byte[]> files) {
		String boundary = "----skyddsnat" + System.nanoTime();
		var body = new java.io.ByteArrayOutputStream();
		if (csrf != null) {
			body.writeBytes(
					("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
						.getBytes(StandardCharsets.UTF_8));
		}
		for (var file : files.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
					+ "\"; filename=\"" + file.getKey() + ".csv\"\r\nContent-Type: text/csv\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(file.getValue());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept", "text/html")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	/** A raw body with a content type, e.g. text/csv to an API endpoint. */
	public HttpResponse<String> body(String method, String path, String contentType, byte[] content, String bearer) {
		var builder = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", contentType)
			.header("Accept", "application/json, application/problem+json")
			.method(method, HttpRequest.BodyPublishers.ofByteArray(content));
		if (bearer != null) {
			builder.header("Authorization", "Bearer " + bearer);
		}
		return send(builder.build());
	}

	public HttpResponse<String> send(HttpRequest request) {
		try {
			HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
			Matcher m = CSRF.matcher(response.body());
			if (m.find()) {
				csrf = m.group(1);
			}
			return response;
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** A file download in this session: the raw bytes, as a browser saves them. */
	public HttpResponse<byte[]> download(String path) {
		try {
			return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/**
	 * A form posted in this session (with the last page's CSRF token) whose answer is a
	 * file: its raw bytes.
	 */
	public HttpResponse<byte[]> postForDownload(String path, Map<String, String> form) {
		var fields = new LinkedHashMap<>(form);
		if (csrf != null && !fields.containsKey("_csrf")) {
			fields.put("_csrf", csrf);
		}
		String body = fields.entrySet()
			.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		try {
			return client.send(HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public static String location(HttpResponse<?> response) {
		return response.headers().firstValue("Location").orElse("");
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
