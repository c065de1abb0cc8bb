package se.skyddsnat.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import se.skyddsnat.casework.Numbers;
import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/**
 * Issue 11: the access log reads as Swedish sentences. The record is named as the reader
 * may see it ("Amira (alias)", "Skyddad identitet"), the worker by display name, a list
 * read is one line ("lista, 3 personer") while the chain keeps its one row, purposes and
 * details come from the bundles — no English detail such as "opened in MIKA kind".
 */
class AccessLogInSwedishTest extends IntegrationTest {

	@Test
	void shouldShowTheLogInSwedishWithNamesAndGroupedListReads() {
		// an administrator who also works in the unit may see its people; a worker of the
		// unit does the work
		String reader = createUser("loggadmin", List.of("ADMIN", "CASEWORKER"), List.of("KAST"));
		String worker = createUser("kastvem", List.of("CASEWORKER"), List.of("KAST"));
		String token = token(worker, USER_PASSWORD);
		String alias = "Amira-" + Numbers.suffix();
		long amira = person(token, alias, "none");
		long hidden = person(token, "Skydd-" + Numbers.suffix(), "protected_registration");
		person(token, "Tredje-" + Numbers.suffix(), "none");
		long caseId = id(http().json("POST", "/api/v1/cases", """
				{"unit":"KAST","kind":"kast_counselling","openedOn":"2026-02-01","reason":"Samtal",
				 "people":[{"personId":%d,"role":"exposed"}]}""".formatted(amira), token).body());
		assertThat(http().json("GET", "/api/v1/people/" + hidden, null, token).statusCode()).isEqualTo(200);
		var session = http();
		session.login(worker, USER_PASSWORD);
		assertThat(session.get("/people").statusCode()).isEqualTo(200);
		long listRows = jdbc
			.sql("SELECT count(*) FROM audit.audit_log WHERE actor = ? AND purpose = 'list' "
					+ "AND subject_type = 'person' AND cardinality(subject_ids) >= 3")
			.param(worker)
			.query(Long.class)
			.single();
		assertThat(listRows).as("the chain keeps one row naming every person listed").isGreaterThanOrEqualTo(1);

		Http admin = http();
		admin.login(reader, USER_PASSWORD);
		String page = admin.get("/admin/audit?actor=" + worker).body();
		String log = page.substring(page.indexOf("<table"), page.indexOf("</table>"));
		assertThat(log).contains(">Test kastvem<")
			.doesNotContain(">" + worker + "<")
			.contains(alias + " (alias)")
			.contains("Skyddad identitet")
			.doesNotContain("Skydd-")
			.contains("Ärendet öppnades i KAST, Samtal (KAST)")
			.contains("Ärende " + caseId + " (" + alias + " (alias))")
			.contains("Personen registrerades i KAST")
			.contains(">visning<");
		assertThat(Pattern.compile("lista, \\d+ personer").matcher(log).find()).as(log).isTrue();
		assertThat(log).doesNotContain("opened in")
			.doesNotContain("registered in")
			.doesNotContain(" kind ")
			.doesNotContain("kast_counselling")
			.doesNotContainPattern(">Person " + amira + "<");

		// naming the people in the log is itself logged, as a log review
		assertThat(jdbc
			.sql("SELECT count(*) FROM audit.audit_log WHERE actor = ? AND purpose = 'access-log review' "
					+ "AND subject_type = 'person'")
			.param(reader)
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(1);

		// an administrator outside the unit sees the records by number only
		String outsider = createUser("loggadmin2", List.of("ADMIN"), List.of());
		Http other = http();
		other.login(outsider, USER_PASSWORD);
		String otherPage = other.get("/admin/audit?actor=" + worker).body();
		assertThat(otherPage).doesNotContain(alias).contains("Person " + amira);
	}

	private long person(String token, String alias, String protection) {
		var response = http().json("POST", "/api/v1/people", """
				{"alias":"%s","gender":"female","protection":"%s","unit":"KAST"}""".formatted(alias, protection),
				token);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return id(response.body());
	}

	private static long id(String body) {
		var m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(body);
		assertThat(m.find()).as(body).isTrue();
		return Long.parseLong(m.group(1));
	}

}
