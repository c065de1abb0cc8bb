package se.skyddsnat.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/**
 * What happens around the application's own answers: Tomcat's refusals (a NUL in the
 * path, a malformed URL, a header too large), a body over the size limit, a method or
 * media type not served, a control character in a field or a value of the wrong type —
 * problem+json for the API, the Swedish error page for pages, never a 5xx, never English
 * container pages; and a page's error is HTML whatever the Accept header asks for.
 */
class RequestBoundsTest extends IntegrationTest {

	/** A request as bytes on a socket: what no well-behaved client library would send. */
	private String raw(String request) throws IOException {
		try (var socket = new Socket("localhost", port)) {
			socket.setSoTimeout(20_000);
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String get(String path, String... headers) {
		return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + String.join("", headers)
				+ "Connection: close\r\n\r\n";
	}

	@Test
	void shouldAnswerTomcatsOwnRefusalsWithProblemJsonForTheApiAndASwedishPageOtherwise() throws IOException {
		String token = token(ADMIN, ADMIN_PASSWORD);
		for (String path : List.of("/api/v1/cases/%00", "/api/v1/cases/%zz", "/api/v1/people/a%00b")) {
			String answer = raw(get(path, "Authorization: Bearer " + token + "\r\n", "Accept: application/json\r\n"));
			assertThat(answer).as(path)
				.startsWith("HTTP/1.1 400")
				.contains("Content-Type: application/problem+json")
				.contains("\"status\":400")
				.contains("Begäran kunde inte läsas")
				.doesNotContain("Tomcat")
				.doesNotContain("HTTP Status");
		}
		for (String path : List.of("/cases/%00", "/people/%zz", "/%00")) {
			String answer = raw(get(path, "Accept: text/html\r\n"));
			assertThat(answer).as(path)
				.startsWith("HTTP/1.1 400")
				.contains("Content-Type: text/html")
				.contains("<html lang=\"sv\"")
				.contains("Något gick fel")
				.contains("Begäran kunde inte läsas")
				.doesNotContain("Tomcat")
				.doesNotContain("HTTP Status");
		}
		String header = "X-Padding: " + "a".repeat(20_000) + "\r\n";
		assertThat(raw(get("/api/v1/municipalities", header))).startsWith("HTTP/1.1 400")
			.contains("application/problem+json")
			.contains("rubrik");
		assertThat(raw(get("/login", header))).startsWith("HTTP/1.1 400")
			.contains("text/html")
			.contains("Något gick fel")
			.doesNotContain("Tomcat");
		assertThat(raw("GET /api/v1/ca ses HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
			.startsWith("HTTP/1.1 400")
			.doesNotContain("Tomcat")
			.doesNotContain("HTTP Status");
		assertThat(raw(get("/login", "Accept-Language: en\r\n", "X-Padding: " + "a".repeat(20_000) + "\r\n")))
			.contains("<html lang=\"en\"")
			.contains("Something went wrong");
	}

	@Test
	void shouldAnswerAPageWithHtmlWhateverTheAcceptHeaderSays() {
		var browser = http();
		browser.login(ADMIN, ADMIN_PASSWORD);
		for (String accept : List.of("application/json", "application/problem+json", "*/*", "text/plain")) {
			var page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/finns-inte"))
				.header("Accept", accept)
				.GET()
				.build());
			assertThat(page.statusCode()).isEqualTo(404);
			assertThat(page.headers().firstValue("Content-Type").orElse("")).as(accept).startsWith("text/html");
			assertThat(page.body()).contains("Sidan finns inte.").contains("<main");
		}
		// and an API path answers problem+json even to a browser
		var api = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/finns-inte"))
			.header("Accept", "text/html")
			.header("Authorization", "Bearer " + token(ADMIN, ADMIN_PASSWORD))
			.GET()
			.build());
		assertThat(api.statusCode()).isEqualTo(404);
		assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
	}

	@Test
	void shouldRefuseAMethodOrMediaTypeNotServedInSwedish() {
		String token = token(ADMIN, ADMIN_PASSWORD);
		var patch = http().json("PATCH", "/api/v1/cases", "{}", token);
		assertThat(patch.statusCode()).isEqualTo(405);
		assertThat(patch.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(patch.body()).contains("Metoden stöds inte");
		var media = http().body("POST", "/api/v1/cases", "text/plain", "hej".getBytes(StandardCharsets.UTF_8), token);
		assertThat(media.statusCode()).isEqualTo(415);
		assertThat(media.body()).contains("Innehållstypen stöds inte").doesNotContain("is not supported");

		var browser = http();
		browser.login(ADMIN, ADMIN_PASSWORD);
		var page = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/municipalities"))
			.header("Accept", "text/html")
			.method("PATCH", HttpRequest.BodyPublishers.noBody())
			.build());
		assertThat(page.statusCode()).isIn(403, 405); // a PATCH without the form's CSRF
														// token is refused first
		assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(page.body()).contains("Något gick fel");
	}

	@Test
	void shouldRefuseABodyOverTheLimitNamingTheLimit() {
		String worker = createUser("bounds", List.of("CASEWORKER"), List.of("MIKA"));
		String token = token(worker, USER_PASSWORD);
		var big = http().json("POST", "/api/v1/people/search", "{\"q\":\"" + "a".repeat(3_000_000) + "\"}", token);
		assertThat(big.statusCode()).isEqualTo(413);
		assertThat(big.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(big.body()).contains("högst 2 MB");

		var browser = http();
		browser.login(worker, USER_PASSWORD);
		browser.get("/people");
		var form = browser.post("/people/search", Map.of("q", "a".repeat(3_000_000)));
		assertThat(form.statusCode()).isEqualTo(413);
		assertThat(form.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(form.body()).contains("Något gick fel").contains("högst 2 MB").contains("<main");

		// a megabyte in one field is within the body's limit, and refused by the field's
		// own limit
		var long1 = http().json("POST", "/api/v1/people/search", "{\"q\":\"" + "a".repeat(1_000_000) + "\"}", token);
		assertThat(long1.statusCode()).isEqualTo(400);
		assertThat(long1.body()).contains("\"field\":\"q\"").contains("Högst 200 tecken.");
	}

	@Test
	void shouldRefuseAControlCharacterInAnyFieldNamingIt() {
		String worker = createUser("nul", List.of("CASEWORKER"), List.of("MIKA"));
		String token = token(worker, USER_PASSWORD);
		long before = jdbc.sql("SELECT count(*) FROM casework.persons").query(Long.class).single();

		var json = http().json("POST", "/api/v1/people", """
				{"alias":"Nul\\u0000l","gender":"female","unit":"MIKA"}""", token);
		assertThat(json.statusCode()).isEqualTo(400);
		assertThat(json.body()).contains("\"field\":\"alias\"").contains("styrtecken");
		var search = http().json("POST", "/api/v1/people/search", "{\"q\":\"ab\\u0000\"}", token);
		assertThat(search.statusCode()).isEqualTo(400);
		assertThat(search.body()).contains("\"field\":\"q\"");
		var nested = http().json("POST", "/api/v1/outreach/shifts", """
				{"date":"2026-01-05","kind":"own","arena":"street","municipality":"0180","units":["MIKA"],
				 "encounters":[{"role":"exposed","gender":"female","minor":"unknown","home_municipality":"unknown",
				                "support_offered":"no","accepted":"unknown","notes":"a\\u0007b"}]}""", token);
		assertThat(nested.statusCode()).isEqualTo(400);
		assertThat(nested.body()).contains("\"field\":\"encounters[0].notes\"");
		var query = http().json("GET", "/api/v1/outreach/shifts?limit=5&x=%00", null, token);
		assertThat(query.statusCode()).isEqualTo(400);
		assertThat(query.body()).contains("\"field\":\"x\"");

		// the pages: a Swedish page that names the field; nothing was saved
		var browser = http();
		browser.login(worker, USER_PASSWORD);
		browser.get("/people/new");
		var form = browser.post("/people", Map.of("kind", "anonymous", "alias", "Nul\u0000l", "gender", "female"));
		assertThat(form.statusCode()).isEqualTo(400);
		assertThat(form.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(form.body()).contains("Något gick fel")
			.contains("Fältet alias")
			.contains("Texten innehåller ett tecken som inte kan sparas")
			.contains("<main");
		browser.get("/people");
		var page = browser.post("/people/search", Map.of("q", "ab\u0000cd"));
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.body()).contains("Fältet q");
		// a form field no form has, and a number where the form has a choice: refused,
		// not a 500
		browser.get("/outreach/shifts/new");
		var far = browser.post("/outreach/shifts", Map.of("encounters[100000].role", "exposed", "action", "review"));
		assertThat(far.statusCode()).isEqualTo(400);
		assertThat(far.body()).contains("Något gick fel").contains("encounters[100000]");
		browser.get("/outreach/shifts/new");
		assertThat(browser.post("/outreach/shifts", Map.of("action", "remove-x\u0009")).statusCode()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT count(*) FROM casework.persons").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void shouldNameAValueOfTheWrongTypeByItsPath() {
		String worker = createUser("types", List.of("CASEWORKER"), List.of("MIKA"));
		String token = token(worker, USER_PASSWORD);
		var list = http().json("POST", "/api/v1/cases", "{\"people\":\"x\"}", token);
		assertThat(list.statusCode()).isEqualTo(400);
		assertThat(list.body()).contains("\"field\":\"people\"").contains("fel typ");
		var number = http().json("POST", "/api/v1/cases", "{\"people\":[{\"personId\":\"abc\"}]}", token);
		assertThat(number.body()).contains("\"field\":\"people[0].personId\"");
		var object = http().json("POST", "/api/v1/people/search", "{\"q\":{}}", token);
		assertThat(object.statusCode()).isEqualTo(400);
		assertThat(object.body()).contains("\"field\":\"q\"");
		var path = http().json("GET", "/api/v1/cases/abc", null, token);
		assertThat(path.statusCode()).isEqualTo(400);
		assertThat(path.body()).contains("\"field\":\"id\"");
		var missing = http().json("GET", "/api/v1/outreach/statistics?from=2026-01-01", null,
				token(ADMIN, ADMIN_PASSWORD));
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.body()).contains("\"field\":\"to\"");
		assertThat(Http.location(missing)).isEmpty();
	}

}
