package se.skyddsnat.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import se.skyddsnat.support.IntegrationTest;

/**
 * The OpenAPI document describes every field that the region, outreach and identity
 * endpoints take and answer: each JSON body in or out is a schema with its properties
 * (never an open map), and each property says what it is.
 */
class ApiAnswersTest extends IntegrationTest {

	private static final Set<String> TAGS = Set.of("region", "outreach", "identity", "followup");

	@Test
	@SuppressWarnings("unchecked")
	void shouldDescribeEveryFieldInAndOutOfTheRegionOutreachAndIdentityApi() {
		Map<String, Object> document = JsonMapper.builder()
			.build()
			.readValue(http().json("GET", "/v3/api-docs", null, null).body(), Map.class);
		var schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas");
		var problems = new ArrayList<String>();
		int bodies = 0;
		for (var path : ((Map<String, Object>) document.get("paths")).entrySet()) {
			for (var operation : ((Map<String, Object>) path.getValue()).entrySet()) {
				var spec = (Map<String, Object>) operation.getValue();
				if (((List<String>) spec.getOrDefault("tags", List.of())).stream().noneMatch(TAGS::contains)) {
					continue;
				}
				String where = operation.getKey().toUpperCase() + " " + path.getKey();
				var contents = new ArrayList<Map<String, Object>>();
				if (spec.get("requestBody") instanceof Map<?, ?> body) {
					contents.add((Map<String, Object>) body.get("content"));
				}
				((Map<String, Object>) spec.get("responses")).forEach((status, response) -> {
					if (status.startsWith("2")
							&& ((Map<String, Object>) response).get("content") instanceof Map<?, ?> c) {
						contents.add((Map<String, Object>) c);
					}
				});
				for (var content : contents) {
					for (var media : content.entrySet()) {
						if (!media.getKey().contains("json") && !media.getKey().equals("*/*")) {
							continue;
						}
						bodies++;
						check(where, (Map<String, Object>) ((Map<String, Object>) media.getValue()).get("schema"),
								schemas, problems, 0);
					}
				}
			}
		}
		assertThat(problems).isEmpty();
		assertThat(bodies).as("JSON bodies of the region, outreach and identity endpoints").isGreaterThan(15);
	}

	@Test
	void shouldAnswerARefusedTokenRequestThroughTheOneErrorPathWithTheBearerChallenge() {
		var refused = http().json("POST", "/api/v1/tokens",
				"{\"username\":\"ingen-sadan\",\"password\":\"fel-fel-fel-fel\"}", null);

		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(refused.body()).contains("\"title\":\"Inte inloggad\"")
			.contains("\"detail\":\"Fel användarnamn eller lösenord, eller låst konto.\"");
	}

	@SuppressWarnings("unchecked")
	private static void check(String where, Map<String, Object> schema, Map<String, Object> schemas,
			List<String> problems, int depth) {
		if (schema == null || depth > 4) {
			return;
		}
		if (schema.get("$ref") instanceof String ref) {
			String name = ref.substring(ref.lastIndexOf('/') + 1);
			check(where + " " + name, (Map<String, Object>) schemas.get(name), schemas, problems, depth + 1);
			return;
		}
		if (schema.get("items") instanceof Map<?, ?> items) {
			check(where + "[]", (Map<String, Object>) items, schemas, problems, depth + 1);
			return;
		}
		if (schema.containsKey("additionalProperties")) {
			problems.add(where + ": an open map");
			return;
		}
		if ("object".equals(schema.get("type"))) {
			if (!(schema.get("properties") instanceof Map<?, ?> properties) || properties.isEmpty()) {
				problems.add(where + ": an object without properties");
				return;
			}
			((Map<String, Object>) properties).forEach((name, property) -> {
				var p = (Map<String, Object>) property;
				if (!p.containsKey("type") && !p.containsKey("$ref") && !p.containsKey("oneOf")) {
					problems.add(where + "." + name + ": no type");
				}
				check(where + "." + name, p, schemas, problems, depth + 1);
			});
		}
	}

}
