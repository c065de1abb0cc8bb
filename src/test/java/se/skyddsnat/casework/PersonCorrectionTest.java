package se.skyddsnat.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/**
 * Correcting a person: every changed field kept with its old and new value and shown in
 * the person's history, one audit row naming the fields (never their values); a stale
 * version refused; another unit's person does not exist for the caller; a changed
 * personnummer runs the duplicate check again; the form saves once.
 */
class PersonCorrectionTest extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void shouldKeepOldAndNewValuesAuditTheFieldsAndShowTheHistory() {
		String user = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String token = token(user, USER_PASSWORD);
		String name = "Vera Lind-" + Numbers.suffix();
		String number = Numbers.personnummer(LocalDate.of(1991, 5, 6));
		long id = register(token, number, name);
		assertThat(json(http().json("GET", "/api/v1/people/" + id, null, token).body()).get("version").asInt())
			.isZero();

		String newName = name + " Berg";
		var corrected = http().json("PUT", "/api/v1/people/" + id, edit(number, newName, "070-1234567", 0), token);
		assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
		assertThat(json(corrected.body()).get("version").asInt()).isEqualTo(1);

		JsonNode person = json(http().json("GET", "/api/v1/people/" + id, null, token).body());
		assertThat(person.get("name").asString()).isEqualTo(newName);
		assertThat(person.get("phone").asString()).isEqualTo("070-1234567");

		var changes = jdbc
			.sql("SELECT field, old_value, new_value, changed_by FROM casework.person_changes "
					+ "WHERE person_id = ? ORDER BY field")
			.param(id)
			.query()
			.listOfRows();
		assertThat(changes).hasSize(2);
		assertThat(changes.get(0)).containsEntry("field", "name")
			.containsEntry("old_value", name)
			.containsEntry("new_value", newName)
			.containsEntry("changed_by", user);
		assertThat(changes.get(1)).containsEntry("field", "phone").containsEntry("new_value", "070-1234567");
		assertThat(changes.get(1).get("old_value")).isNull();

		String details = jdbc
			.sql("SELECT details FROM audit.audit_log WHERE actor = ? AND kind = 'CHANGE' "
					+ "AND subject_type = 'person' AND subject_id = ? AND details LIKE 'person.corrected%'")
			.params(user, String.valueOf(id))
			.query(String.class)
			.single();
		assertThat(details).isEqualTo("person.corrected|1|name, phone").doesNotContain(name);

		JsonNode history = json(http().json("GET", "/api/v1/people/" + id + "/history", null, token).body());
		assertThat(history.size()).isEqualTo(2);

		Http browser = http();
		browser.login(user, USER_PASSWORD);
		String page = browser.get("/people/" + id).body();
		assertThat(page).contains("Ändringshistorik")
			.contains(">" + name + "<")
			.contains(">" + newName + "<")
			.contains("070-1234567");

		// an edit made from the old version is refused, not saved over the first
		var stale = http().json("PUT", "/api/v1/people/" + id, edit(number, name + " Ek", null, 0), token);
		assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
		assertThat(json(stale.body()).get("detail").asString()).contains("Någon annan har sparat");
		assertThat(json(http().json("GET", "/api/v1/people/" + id, null, token).body()).get("name").asString())
			.isEqualTo(newName);
	}

	@Test
	void shouldRefuseAnotherUnitsPersonAsNotFound() {
		String mika = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String kast = createUser("kast", List.of("CASEWORKER"), List.of("KAST"));
		String name = "Tove Ask-" + Numbers.suffix();
		String number = Numbers.personnummer(LocalDate.of(1988, 2, 3));
		long id = register(token(mika, USER_PASSWORD), number, name);

		var refused = http().json("PUT", "/api/v1/people/" + id, edit(number, "Annan", null, 0),
				token(kast, USER_PASSWORD));
		assertThat(refused.statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT name FROM casework.persons WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo(name);
		Http browser = http();
		browser.login(kast, USER_PASSWORD);
		assertThat(browser.get("/people/" + id + "/edit").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldRunTheDuplicateCheckAgainWhenThePersonnummerChanges() {
		String user = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String token = token(user, USER_PASSWORD);
		String name = "Ella Sand-" + Numbers.suffix();
		long other = register(token, Numbers.personnummer(LocalDate.of(1985, 3, 4)), name);
		long id = register(token, Numbers.personnummer(LocalDate.of(1991, 5, 6)), name);

		// the new number gives the same birth year as another person of the same name: a
		// possible duplicate
		String number = Numbers.personnummer(LocalDate.of(1985, 7, 8));
		var duplicate = http().json("PUT", "/api/v1/people/" + id, edit(number, name, null, 0), token);
		assertThat(duplicate.statusCode()).as(duplicate.body()).isEqualTo(409);
		JsonNode problem = json(duplicate.body());
		assertThat(problem.get("title").asString()).isEqualTo("Möjliga dubbletter");
		assertThat(problem.get("duplicates").size()).isEqualTo(1);
		assertThat(problem.get("duplicates").get(0).get("id").asLong()).isEqualTo(other);
		assertThat(jdbc.sql("SELECT birth_year FROM casework.persons WHERE id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(1991);

		var confirmed = http().json("PUT", "/api/v1/people/" + id,
				edit(number, name, null, 0).replace("}", ",\"confirmDuplicate\":true}"), token);
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
		assertThat(jdbc.sql("SELECT birth_year FROM casework.persons WHERE id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(1985);
	}

	@Test
	void shouldSaveTheFormOnceAndRefuseAStaleForm() {
		String user = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String name = "Lo Strand-" + Numbers.suffix();
		long id = register(token(user, USER_PASSWORD), Numbers.personnummer(LocalDate.of(1979, 9, 9)), name);
		Http browser = http();
		browser.login(user, USER_PASSWORD);
		String form = browser.get("/people/" + id + "/edit").body();
		assertThat(form).contains("value=\"" + name + "\"");
		String formToken = form.replaceAll("(?s).*name=\"idempotencyToken\" value=\"([^\"]+)\".*", "$1");
		Map<String, String> fields = Map.of("kind", "identified", "personalNumber",
				jdbc.sql("SELECT personal_number FROM casework.persons WHERE id = ?")
					.param(id)
					.query(String.class)
					.single(),
				"name", name + " Ny", "gender", "female", "protection", "none", "version", "0", "idempotencyToken",
				formToken);
		var first = browser.post("/people/" + id + "/edit", fields);
		assertThat(first.statusCode()).isEqualTo(302);
		var again = browser.post("/people/" + id + "/edit", fields); // the same form sent
																		// twice
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT count(*) FROM casework.person_changes WHERE person_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);

		browser.get("/people/" + id + "/edit");
		var stale = browser.post("/people/" + id + "/edit",
				Map.of("kind", "identified", "personalNumber", fields.get("personalNumber"), "name", name + " Tredje",
						"gender", "female", "protection", "none", "version", "0"));
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.body()).contains("Någon annan har sparat ändringar");
		assertThat(jdbc.sql("SELECT name FROM casework.persons WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo(name + " Ny");
	}

	private long register(String token, String number, String name) {
		var response = http().json("POST", "/api/v1/people", """
				{"personalNumber":"%s","name":"%s","gender":"female","unit":"MIKA","confirmDuplicate":true}"""
			.formatted(number, name), token);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json(response.body()).get("id").asLong();
	}

	/** Every field anew: the number, the name, the phone (null: none). */
	private String edit(String number, String name, String phone, int version) {
		return """
				{"personalNumber":"%s","name":"%s","gender":"female","phone":%s,"version":"%d"}""".formatted(number,
				name, phone == null ? "null" : "\"" + phone + "\"", version);
	}

	private static JsonNode json(String body) {
		return JSON.readTree(body);
	}

}
