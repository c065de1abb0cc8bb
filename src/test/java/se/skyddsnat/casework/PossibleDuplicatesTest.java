package se.skyddsnat.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.skyddsnat.support.IntegrationTest;

/**
 * The API's "possible duplicates" answer: 409 problem+json in the caller's language —
 * Swedish unless the request asks for English — listing the people who may be the same
 * (as the API shows a person), and nothing saved until the client confirms.
 */
class PossibleDuplicatesTest extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void shouldAnswerPossibleDuplicatesInSwedishByDefaultAndInEnglishWhenAsked() {
		String user = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String token = token(user, USER_PASSWORD);
		String name = "Vera Lind-" + Numbers.suffix();
		String first = Numbers.personnummer(LocalDate.of(1991, 5, 6));
		var registered = http().json("POST", "/api/v1/people", person(first, name, false), token);
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		long firstId = read(registered.body()).get("id").asLong();
		String second = person(Numbers.personnummer(LocalDate.of(1991, 9, 10)), name, false);

		var swedish = http().json("POST", "/api/v1/people", second, token);
		assertThat(swedish.statusCode()).isEqualTo(409);
		assertThat(swedish.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		JsonNode sv = read(swedish.body());
		assertThat(sv.get("title").asString()).isEqualTo("Möjliga dubbletter");
		assertThat(sv.get("detail").asString()).startsWith("Det finns redan personer med samma personnummer")
			.contains("confirmDuplicate");
		assertDuplicate(sv, firstId, first, name);

		var english = http().json("POST", "/api/v1/people", second, token, Map.of("Accept-Language", "en"));
		assertThat(english.statusCode()).isEqualTo(409);
		JsonNode en = read(english.body());
		assertThat(en.get("title").asString()).isEqualTo("Possible duplicates");
		assertThat(en.get("detail").asString()).isEqualTo("Set confirmDuplicate to true after checking these people.");
		assertDuplicate(en, firstId, first, name);

		assertThat(
				jdbc.sql("SELECT count(*) FROM casework.persons WHERE name = ?").param(name).query(Long.class).single())
			.isEqualTo(1);
		var confirmed = http().json("POST", "/api/v1/people", second.replace("false}", "true}"), token);
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);
		assertThat(
				jdbc.sql("SELECT count(*) FROM casework.persons WHERE name = ?").param(name).query(Long.class).single())
			.isEqualTo(2);
	}

	/** The one possible duplicate, as {@code GET /api/v1/people/{id}} shows a person. */
	private static void assertDuplicate(JsonNode problem, long id, String number, String name) {
		JsonNode duplicates = problem.get("duplicates");
		assertThat(duplicates.size()).isEqualTo(1);
		JsonNode person = duplicates.get(0);
		assertThat(person.get("id").asLong()).isEqualTo(id);
		assertThat(person.get("personalNumber").asString()).isEqualTo(number);
		assertThat(person.get("name").asString()).isEqualTo(name);
		assertThat(person.get("birthYear").asInt()).isEqualTo(1991);
		assertThat(person.get("gender").asString()).isEqualTo("female");
		assertThat(person.get("protection").asString()).isEqualTo("none");
		assertThat(person.get("unit").asString()).isEqualTo("MIKA");
		assertThat(person.propertyNames()).containsExactly("id", "personalNumber", "name", "alias", "birthYear",
				"ageBand", "gender", "protection", "homeMunicipality", "unit", "phone", "email", "address", "version");
	}

	private static String person(String number, String name, boolean confirm) {
		return """
				{"personalNumber":"%s","name":"%s","gender":"female","unit":"MIKA","confirmDuplicate":%s}"""
			.formatted(number, name, confirm);
	}

	private static JsonNode read(String body) {
		return JSON.readTree(body);
	}

}
