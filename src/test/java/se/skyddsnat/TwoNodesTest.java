package se.skyddsnat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.web.util.HtmlUtils;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.Json;

/**
 * Two nodes of the built jar behind Debian's nginx on an external PostgreSQL, started by
 * {@code scripts/two-nodes.sh} as an operator would: a caseworker logs in through nginx
 * and writes a journal draft; the node that saved it is killed; the same session goes on
 * on the other node, finds the draft and signs it. Needs the jar, nginx and PostgreSQL,
 * so it runs from {@code .ci/run} after the build ({@code -Dskyddsnat.two-nodes=true}),
 * not in {@code ./mvnw verify}.
 */
@EnabledIfSystemProperty(named = "skyddsnat.two-nodes", matches = "true")
class TwoNodesTest {

	private static final int NGINX = Integer.parseInt(System.getProperty("skyddsnat.two-nodes.port", "18710"));

	private static final Path WORK = Path.of("target", "two-nodes");

	private static final String ADMIN_PASSWORD = "Skogsstig-Lykta-2026";

	private static final String PASSWORD = "Blåbärsskog-vid-sjön-7";

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern DRAFT_ID = Pattern.compile("name=\"entryId\"[^>]*value=\"(\\d+)\"");

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"idempotencyToken\"[^>]*value=\"([^\"]+)\"");

	@BeforeAll
	static void start() throws Exception {
		script("stop");
		deleteRecursively(WORK);
		script("start");
	}

	@AfterAll
	static void stop() throws Exception {
		script("stop");
	}

	@Test
	void shouldKeepTheSessionAndTheDraftWhenTheNodeThatServedItDies() throws Exception {
		var api = new Http(NGINX);
		String admin = token(api, "admin", ADMIN_PASSWORD);
		var created = api.json("POST", "/api/v1/users",
				"""
						{"username":"nodtest","displayName":"Test Nod","password":"%s","roles":["CASEWORKER"],"units":["MIKA"]}"""
					.formatted(PASSWORD),
				admin);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String caseworker = token(api, "nodtest", PASSWORD);
		long person = Json.id(api.json("POST", "/api/v1/people", """
				{"alias":"Nod-1","birthYear":"1990","gender":"female","unit":"MIKA"}""", caseworker));
		long caseId = Json.id(api.json("POST", "/api/v1/cases", """
				{"unit":"MIKA","kind":"mika_support","openedOn":"2026-01-05","reason":"Stöd",
				 "people":[{"personId":%d,"role":"exposed"}]}""".formatted(person), caseworker));

		var browser = new Http(NGINX);
		assertThat(Http.location(browser.login("nodtest", PASSWORD))).doesNotContain("error");
		assertThat(browser.get("/cases/" + caseId).statusCode()).isEqualTo(200);
		String note = "Samtal på mottagningen, utkast skrivet på en nod " + System.nanoTime();
		var saved = browser.post("/cases/" + caseId + "/journal", Map.of("date", "2026-02-03", "kind", "support_talk",
				"channel", "in_person", "minutes", "45", "note", note, "action", "draft"));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(Http.location(saved)).endsWith("/cases/" + caseId + "#journal-form");
		String servedBy = node(saved);

		int dead = servedBy.endsWith(":" + (NGINX + 1)) ? 1 : 2;
		script("kill-node", String.valueOf(dead));

		var page = browser.get("/cases/" + caseId);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(node(page)).isNotEqualTo(servedBy);
		String html = HtmlUtils.htmlUnescape(page.body());
		assertThat(html).contains(note);
		Matcher draft = DRAFT_ID.matcher(page.body());
		assertThat(draft.find()).as("the draft's id on the page").isTrue();

		var form = new LinkedHashMap<String, String>(Map.of("entryId", draft.group(1), "date", "2026-02-03", "kind",
				"support_talk", "channel", "in_person", "minutes", "45", "note", note, "action", "sign"));
		Matcher formToken = FORM_TOKEN.matcher(page.body());
		if (formToken.find()) {
			form.put("idempotencyToken", formToken.group(1));
		}
		var signed = browser.post("/cases/" + caseId + "/journal", form);
		assertThat(signed.statusCode()).as(signed.body()).isEqualTo(302);
		assertThat(Http.location(signed)).contains("/cases/" + caseId + "#entry-" + draft.group(1));
		assertThat(node(signed)).isNotEqualTo(servedBy);
		var after = browser.get("/cases/" + caseId);
		assertThat(HtmlUtils.htmlUnescape(after.body())).contains(note);
		assertThat(api.json("GET", "/api/v1/cases/" + caseId + "/journal", null, caseworker).body()).contains(note)
			.contains("\"signedBy\":\"nodtest\"");
	}

	private static String node(HttpResponse<?> response) {
		return response.headers().firstValue("X-Skyddsnat-Node").orElseThrow();
	}

	private static String token(Http http, String user, String password) {
		var response = http.json("POST", "/api/v1/tokens",
				"{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", null);
		Matcher m = TOKEN.matcher(response.body());
		assertThat(m.find()).as("token for %s: %s", user, response.body()).isTrue();
		return m.group(1);
	}

	private static void script(String... args) throws IOException, InterruptedException {
		Files.createDirectories(WORK.getParent());
		var command = new java.util.ArrayList<>(List.of("bash", "scripts/two-nodes.sh", args[0], WORK.toString()));
		command.addAll(List.of(args).subList(1, args.length));
		Path log = Path.of("target", "two-nodes-script.log");
		var builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().put("TWO_NODES_PORT", String.valueOf(NGINX));
		Process p = builder.start();
		if (!p.waitFor(4, TimeUnit.MINUTES)) {
			p.destroyForcibly();
			throw new AssertionError("scripts/two-nodes.sh " + args[0] + " did not finish:\n" + Files.readString(log));
		}
		if (p.exitValue() != 0 && !args[0].equals("stop")) {
			throw new AssertionError("scripts/two-nodes.sh " + args[0] + " failed:\n" + Files.readString(log));
		}
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (Files.exists(dir)) {
			try (var paths = Files.walk(dir)) {
				paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

}
