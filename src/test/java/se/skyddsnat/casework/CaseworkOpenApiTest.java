package se.skyddsnat.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.skyddsnat.support.IntegrationTest;

/**
 * Every case-work endpoint's body and answer is a record, so OpenAPI describes every
 * field: no JSON object of the casework API is a free-form map in {@code /v3/api-docs}.
 */
class CaseworkOpenApiTest extends IntegrationTest {

	private static final List<String> CASEWORK = List.of("/api/v1/people", "/api/v1/cases", "/api/v1/referrals",
			"/api/v1/tasks", "/api/v1/casework");

	@Test
	void shouldDescribeEveryFieldOfEveryCaseworkAnswer() {
		JsonNode docs = JsonMapper.builder().build().readTree(http().json("GET", "/v3/api-docs", null, null).body());
		JsonNode schemas = docs.get("components").get("schemas");
		var described = new ArrayList<String>();
		var problems = new ArrayList<String>();
		for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
			if (CASEWORK.stream().noneMatch(path.getKey()::startsWith)) {
				continue;
			}
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String where = operation.getKey().toUpperCase() + " " + path.getKey();
				JsonNode body = operation.getValue().path("requestBody").path("content");
				body.properties().forEach(c -> check(where + " body", c.getValue().get("schema"), schemas, problems));
				for (Map.Entry<String, JsonNode> response : operation.getValue().path("responses").properties()) {
					if (response.getKey().startsWith("2")) {
						response.getValue()
							.path("content")
							.properties()
							.forEach(c -> check(where + " " + response.getKey(), c.getValue().get("schema"), schemas,
									problems));
						described.add(where);
					}
				}
			}
		}
		assertThat(described).contains("GET /api/v1/cases/{caseId}/journal", "POST /api/v1/referrals/{id}/send",
				"GET /api/v1/casework/stodcentrum/indicators", "POST /api/v1/people", "GET /api/v1/tasks");
		assertThat(problems).isEmpty();
	}

	/**
	 * A schema whose objects all name their properties; a map
	 * ({@code additionalProperties}) is a problem.
	 */
	private static void check(String where, JsonNode schema, JsonNode schemas, List<String> problems) {
		if (schema == null) {
			return;
		}
		if (schema.has("$ref")) {
			String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
			checkObject(where + " → " + name, schemas.get(name), schemas, problems);
		}
		else {
			checkObject(where, schema, schemas, problems);
		}
	}

	private static void checkObject(String where, JsonNode schema, JsonNode schemas, List<String> problems) {
		if (schema.has("additionalProperties")
				|| ("object".equals(schema.path("type").asString()) && !schema.has("properties"))) {
			problems.add(where + " is a map without named fields");
			return;
		}
		if (schema.has("items")) {
			check(where + "[]", schema.get("items"), schemas, problems);
		}
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			JsonNode value = property.getValue();
			if (value.has("$ref") || value.has("items") || value.has("additionalProperties")
					|| value.has("properties")) {
				check(where + "." + property.getKey(), value, schemas, problems);
			}
		}
	}

}
