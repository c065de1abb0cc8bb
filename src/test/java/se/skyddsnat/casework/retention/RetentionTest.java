package se.skyddsnat.casework.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import se.skyddsnat.audit.AuditReview;
import se.skyddsnat.casework.Numbers;
import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;
import se.skyddsnat.support.Json;
import se.skyddsnat.support.MutableClock;

/**
 * Retention as a manager meets it: nothing is due while the records are young; seven
 * years on, the unit's closed file with a signed journal entry, a consent and a track
 * entry is listed, approved and deleted, while a person born on the 15th, a case with a
 * child, an open case and another unit's file stay. The signed-journal trigger still
 * refuses every other delete, the audit log keeps that the records existed and by whose
 * approval (not their content), and the chain still verifies.
 */
@Import(RetentionTest.StandingClock.class)
class RetentionTest extends IntegrationTest {

	private static final Pattern FORM_TOKEN = Pattern.compile("name=\"idempotencyToken\"[^>]*value=\"([^\"]+)\"");

	@TestConfiguration(proxyBeanMethods = false)
	static class StandingClock {

		@Bean
		@Primary
		MutableClock standingClock() {
			return MutableClock.startingNow();
		}

	}

	@Autowired
	MutableClock clock;

	@Autowired
	AuditReview auditReview;

	@Test
	void shouldListApproveAndDeleteWhatFallsDueAndKeepTheExceptions() {
		String mark = Numbers.suffix();
		String caseworker = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String mika = token(caseworker, USER_PASSWORD);
		String kast = token(createUser("kast", List.of("CASEWORKER"), List.of("KAST")), USER_PASSWORD);
		String manager = createUser("chef", List.of("MANAGER"), List.of("MIKA"));
		var browser = http();
		browser.login(caseworker, USER_PASSWORD);

		String dueName = "Gallras Ögren-" + mark;
		long due = person(mika, Numbers.personnummer(LocalDate.of(1990, 3, 10)), dueName, "MIKA");
		long dueCase = closedCase(browser, mika, "MIKA", due, null);
		long signed = Json.id(http().json("POST", "/api/v1/cases/" + dueCase + "/journal",
				"""
						{"date":"2026-02-03","kind":"support_talk","channel":"in_person","minutes":45,"note":"Samtal %s","sign":true}"""
					.formatted(mark),
				mika));
		assertThat(http()
			.json("POST", "/api/v1/cases/" + dueCase + "/consents",
					"""
							{"personId":%d,"kind":"written","givenOn":"2026-02-11","scope":"Kontakt %s"}"""
						.formatted(due, mark),
					mika)
			.statusCode()).isEqualTo(201);

		long research = person(mika, Numbers.personnummer(LocalDate.of(1991, 4, 15)), "Sparas Forskning-" + mark,
				"MIKA");
		long researchCase = closedCase(browser, mika, "MIKA", research, null);
		long mother = Json.id(http().json("POST", "/api/v1/people", """
				{"alias":"Mamma-%s","gender":"female","unit":"MIKA"}""".formatted(mark), mika));
		long child = Json.id(http().json("POST", "/api/v1/people", """
				{"alias":"Barn-%s","gender":"female","unit":"MIKA"}""".formatted(mark), mika));
		long childCase = closedCase(browser, mika, "MIKA", mother, child);
		long active = Json.id(http().json("POST", "/api/v1/people", """
				{"alias":"Aktiv-%s","gender":"female","unit":"MIKA"}""".formatted(mark), mika));
		long openCase = casework(mika).openCase("MIKA", "mika_support", active, "2026-01-05");
		long otherUnit = person(kast, Numbers.personnummer(LocalDate.of(1988, 6, 9)), "Annan Enhet-" + mark, "KAST");

		var chef = http();
		chef.login(manager, USER_PASSWORD);
		assertThat(chef.get("/casework/retention").body()).doesNotContain("Person " + due + "<");

		clock.advance(Duration.ofDays(7 * 366));
		chef = http();
		chef.login(manager, USER_PASSWORD);
		String page = chef.get("/casework/retention").body();
		assertThat(page).contains("Person " + due + "<")
			.contains("Ärende " + dueCase + "<")
			.doesNotContain("Person " + research + "<")
			.doesNotContain("Ärende " + researchCase + "<")
			.doesNotContain("Person " + mother + "<")
			.doesNotContain("Person " + child + "<")
			.doesNotContain("Ärende " + childCase + "<")
			.doesNotContain("Person " + active + "<")
			.doesNotContain("Ärende " + openCase + "<")
			.doesNotContain("Person " + otherUnit + "<");
		// seeing the list is a read of the people on it (one id: an ordinary read row)
		assertThat(audit().by(manager)
			.where("purpose = ?", "retention")
			.where("(subject_id = ? OR ? = ANY(subject_ids))", String.valueOf(due), String.valueOf(due))
			.count()).isEqualTo(1);

		// no path but the approved one deletes a signed entry: not the application's
		// role, not the owner
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM casework.journal_entries WHERE id = ?").param(signed).update())
			.hasMessageContaining("cannot be deleted");
		assertThatThrownBy(
				() -> ownerJdbc().sql("DELETE FROM casework.journal_entries WHERE id = ?").param(signed).update())
			.hasMessageContaining("cannot be deleted");
		assertThatThrownBy(
				() -> jdbc.sql("INSERT INTO retention.deletions (txid, approval_id) VALUES (txid_current(), 1)")
					.update())
			.rootCause()
			.isInstanceOf(java.sql.SQLException.class)
			.extracting(e -> ((java.sql.SQLException) e).getSQLState())
			.isEqualTo("42501");

		Matcher token = FORM_TOKEN.matcher(page);
		assertThat(token.find()).isTrue();
		var approved = chef.post("/casework/retention/MIKA/approve", Map.of("idempotencyToken", token.group(1)));
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(302);
		assertThat(chef.get("/casework/retention").body()).contains("Gallrat: 1 personposter och 1 ärenden.");

		assertThat(count("casework.persons WHERE id = ?", due)).isZero();
		assertThat(count("casework.cases WHERE id = ?", dueCase)).isZero();
		assertThat(count("casework.journal_entries WHERE case_id = ?", dueCase)).isZero();
		assertThat(count("casework.consents WHERE case_id = ?", dueCase)).isZero();
		for (long kept : List.of(research, mother, child, active, otherUnit)) {
			assertThat(count("casework.persons WHERE id = ?", kept)).as("person %d", kept).isEqualTo(1);
		}
		for (long kept : List.of(researchCase, childCase, openCase)) {
			assertThat(count("casework.cases WHERE id = ?", kept)).as("case %d", kept).isEqualTo(1);
		}

		var deletion = audit().by(manager).kind("CHANGE").subject("person", due);
		assertThat(deletion.count()).isEqualTo(1);
		assertThat(deletion.details().getFirst()).startsWith("retention: deleted by approval ")
			.contains(manager)
			.doesNotContain("Ögren");
		assertThat(audit().by(manager).kind("CHANGE").subject("case", dueCase).count()).isEqualTo(1);
		assertThat(audit().by(manager).subject("retention approval").count()).isEqualTo(1);
		var chain = auditReview.verifyChain();
		assertThat(chain.intact()).as("%s", chain).isTrue();
	}

	private long count(String from, long id) {
		return jdbc.sql("SELECT count(*) FROM " + from).param(id).query(Long.class).single();
	}

	private long person(String token, String pn, String name, String unit) {
		return Json.id(http().json("POST", "/api/v1/people", """
				{"personalNumber":"%s","name":"%s","gender":"female","unit":"%s"}""".formatted(pn, name, unit), token));
	}

	/**
	 * A case opened and closed in the unit, through the case page as a caseworker does.
	 */
	private long closedCase(Http browser, String token, String unit, long person, Long child) {
		String people = "{\"personId\":" + person + ",\"role\":\"exposed\"}"
				+ (child == null ? "" : ",{\"personId\":" + child + ",\"role\":\"child\"}");
		long id = Json.id(http().json("POST", "/api/v1/cases", """
				{"unit":"%s","kind":"mika_support","openedOn":"2026-01-05","reason":"Stöd","people":[%s]}"""
			.formatted(unit, people), token));
		String page = browser.get("/cases/" + id).body();
		Matcher formToken = FORM_TOKEN.matcher(page.substring(page.indexOf("/cases/" + id + "/close")));
		assertThat(formToken.find()).isTrue();
		var closed = browser.post("/cases/" + id + "/close", Map.of("closedOn", LocalDate.now(clock).toString(),
				"outcome", "no_further_contact", "idempotencyToken", formToken.group(1)));
		assertThat(closed.statusCode()).as(closed.body()).isEqualTo(302);
		return id;
	}

}
