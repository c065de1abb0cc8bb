package se.skyddsnat.casework.journal;

import static se.skyddsnat.support.Json.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.util.HtmlUtils;

import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.shared.UnitCode;
import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;
import se.skyddsnat.casework.Numbers;

/**
 * The journal: a signed note is final by every path (page, API, service, database), a
 * correction keeps both, a draft survives a lost session, and another unit finds nothing.
 */
public class JournalTest extends IntegrationTest {

	@Autowired
	private Journal journal;

	@Test
	void shouldNeverChangeOrDeleteASignedNoteByAnyPath() {
		String user = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String token = token(user, USER_PASSWORD);
		long caseId = casework(token).openCase("MIKA", "mika_support");
		String text = "Samtal om boende och ekonomi " + Numbers.suffix();

		var browser = http();
		browser.login(user, USER_PASSWORD);
		browser.get("/cases/" + caseId);
		var signed = browser.post("/cases/" + caseId + "/journal", Map.of("date", "2026-01-12", "kind", "support_talk",
				"channel", "in_person", "minutes", "45", "note", text, "action", "sign"));
		assertThat(signed.statusCode()).isEqualTo(302);
		long entryId = Long.parseLong(Http.location(signed).replaceAll(".*#entry-", ""));
		String page = browser.get("/cases/" + caseId).body();
		assertThat(page).contains("Anteckning " + entryId + " är signerad.")
			.contains(text)
			.contains("Rätta anteckning " + entryId);

		// the page: saving, autosaving or throwing away the signed entry is refused, the
		// text stays
		browser.get("/cases/" + caseId);
		var resaved = browser.post("/cases/" + caseId + "/journal",
				Map.of("entryId", String.valueOf(entryId), "note", "Ändrad text", "action", "draft"));
		assertThat(resaved.statusCode()).isEqualTo(409);
		assertThat(resaved.body()).contains("Anteckning " + entryId + " är signerad och kan inte ändras");
		browser.get("/cases/" + caseId);
		assertThat(browser
			.post("/cases/" + caseId + "/journal/autosave",
					Map.of("entryId", String.valueOf(entryId), "note", "Ändrad text"))
			.body()).contains("Inte sparat: anteckning " + entryId + " är redan signerad");
		browser.get("/cases/" + caseId);
		assertThat(browser
			.post("/cases/" + caseId + "/journal", Map.of("entryId", String.valueOf(entryId), "action", "discard"))
			.statusCode()).isEqualTo(409);
		browser.get("/cases/" + caseId);
		assertThat(browser
			.post("/cases/" + caseId + "/journal", Map.of("entryId", String.valueOf(entryId), "action", "sign"))
			.statusCode()).isEqualTo(409);

		// the API
		String base = "/api/v1/cases/" + caseId + "/journal/" + entryId;
		var put = http().json("PUT", base, "{\"note\":\"Ändrad text\"}", token);
		assertThat(put.statusCode()).isEqualTo(409);
		assertThat(put.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		assertThat(put.body()).contains("är signerad");
		assertThat(http().json("DELETE", base, null, token).statusCode()).isEqualTo(409);
		assertThat(http().json("POST", base + "/sign", null, token).statusCode()).isEqualTo(409);

		// the service itself
		asUser(user, "MIKA", () -> {
			assertThatThrownBy(() -> journal.saveDraft(caseId, entryId,
					new JournalInput(null, null, null, null, "Ändrad text", null, null)))
				.isInstanceOf(JournalNoteAlreadySigned.class);
			assertThatThrownBy(() -> journal.discardDraft(caseId, entryId))
				.isInstanceOf(JournalNoteAlreadySigned.class);
			assertThatThrownBy(() -> journal.sign(caseId, entryId)).isInstanceOf(JournalNoteAlreadySigned.class);
		});

		// the database, whoever asks
		assertThatThrownBy(() -> jdbc.sql("UPDATE casework.journal_entries SET note = 'Ändrad text' WHERE id = ?")
			.param(entryId)
			.update()).isInstanceOf(DataAccessException.class);
		assertThatThrownBy(
				() -> jdbc.sql("UPDATE casework.journal_entries SET signed_at = NULL, signed_by = NULL WHERE id = ?")
					.param(entryId)
					.update())
			.isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM casework.journal_entries WHERE id = ?").param(entryId).update())
			.isInstanceOf(DataAccessException.class);

		assertThat(jdbc.sql("SELECT note FROM casework.journal_entries WHERE id = ?")
			.param(entryId)
			.query(String.class)
			.single()).isEqualTo(text);
		assertThat(http().json("GET", "/api/v1/cases/" + caseId + "/journal", null, token).body()).contains(text)
			.contains("\"status\":\"signed\"")
			.doesNotContain("Ändrad text");
	}

	@Test
	void shouldKeepBothTheOriginalAndItsCorrection() {
		String user = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String token = token(user, USER_PASSWORD);
		long caseId = casework(token).openCase("MIKA", "mika_support");
		String wrong = "Följde med till förhör hos polisen i Solna " + Numbers.suffix();
		long original = id(http()
			.json("POST", "/api/v1/cases/" + caseId + "/journal",
					"""
							{"date":"2026-02-03","kind":"accompaniment","channel":"in_person","minutes":120,"note":"%s","sign":true}"""
						.formatted(wrong),
					token)
			.body());

		var browser = http();
		browser.login(user, USER_PASSWORD);
		browser.get("/cases/" + caseId);
		var started = browser.post("/cases/" + caseId + "/journal/" + original + "/correct", Map.of());
		assertThat(Http.location(started)).endsWith("/cases/" + caseId + "#journal-form");
		String form = HtmlUtils.htmlUnescape(browser.get("/cases/" + caseId).body());
		assertThat(form).contains("Rättelse av anteckning " + original).contains(wrong);

		String right = "Följde med till förhör hos polisen i Sundbyberg " + Numbers.suffix();
		var signed = browser.post("/cases/" + caseId + "/journal",
				Map.of("entryId", draftId(form), "date", "2026-02-03", "kind", "accompaniment", "channel", "in_person",
						"minutes", "120", "note", right, "action", "sign"));
		long correction = Long.parseLong(Http.location(signed).replaceAll(".*#entry-", ""));

		String page = browser.get("/cases/" + caseId).body();
		assertThat(page).contains(wrong)
			.contains(right)
			.contains("Rättad, se")
			.contains("href=\"#entry-" + correction + "\"")
			.contains("Rättelse av")
			.contains("href=\"#entry-" + original + "\"");
		String list = http().json("GET", "/api/v1/cases/" + caseId + "/journal", null, token).body();
		assertThat(list).contains("\"id\":" + original + ",")
			.contains("\"correctedBy\":[" + correction + "]")
			.contains("\"correctsId\":" + original);
		assertThat(jdbc.sql("SELECT count(*) FROM casework.journal_entries WHERE case_id = ? AND signed_at IS NOT NULL")
			.param(caseId)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void shouldBringADraftBackAfterANewLoginToItsAuthorOnly() {
		String user = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String colleague = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		long caseId = casework(token(user, USER_PASSWORD)).openCase("MIKA", "mika_support");
		String typed = "Hon berättar om hur hon kom hit och vad hon behöver nu " + Numbers.suffix();

		var first = http();
		first.login(user, USER_PASSWORD);
		first.get("/cases/" + caseId);
		var saved = first.post("/cases/" + caseId + "/journal/autosave", Map.of("entryId", "", "date", "2026-03-01",
				"kind", "support_talk", "minutes", "fyrtio", "note", typed));
		assertThat(saved.statusCode()).isEqualTo(200);
		assertThat(saved.body()).contains("Utkastet sparades")
			.contains("Kontrollera:")
			.contains("Minuter")
			.contains("id=\"journal-entryId\"");

		// the session is lost: log in again, the text is back
		var again = http();
		again.login(user, USER_PASSWORD);
		String page = HtmlUtils.htmlUnescape(again.get("/cases/" + caseId).body());
		assertThat(page).contains("Ditt utkast").contains(typed).contains("value=\"2026-03-01\"");

		// "Spara utkast" without JavaScript names a malformed field and keeps the rest
		var noScript = again.post("/cases/" + caseId + "/journal",
				Map.of("entryId", draftId(page), "date", "2026-03-01", "kind", "support_talk", "channel", "phone",
						"minutes", "fyrtio", "note", typed + " Mer text.", "action", "draft"));
		assertThat(noScript.body()).contains("Ange tiden i hela minuter").contains("href=\"#journal-minutes\"");
		assertThat(HtmlUtils.htmlUnescape(again.get("/cases/" + caseId).body())).contains(typed + " Mer text.");

		// signing names what is missing; the draft stays
		var incomplete = again.post("/cases/" + caseId + "/journal",
				Map.of("entryId", draftId(page), "minutes", "", "action", "sign"));
		assertThat(HtmlUtils.htmlUnescape(incomplete.body())).contains("Ange tiden i hela minuter")
			.contains(typed + " Mer text.");

		// thrown away in one window while typing goes on in another: the typing becomes
		// the draft again
		String oldId = draftId(page);
		again.get("/cases/" + caseId);
		assertThat(
				again.post("/cases/" + caseId + "/journal", Map.of("entryId", oldId, "action", "discard")).statusCode())
			.isEqualTo(302);
		assertThat(again.post("/cases/" + caseId + "/journal/autosave", Map.of("entryId", oldId, "note", typed)).body())
			.contains("Utkastet sparades");
		assertThat(jdbc
			.sql("SELECT note FROM casework.journal_entries WHERE case_id = ? AND author = ? AND signed_at IS NULL")
			.params(caseId, user)
			.query(String.class)
			.single()).isEqualTo(typed);

		var other = http();
		other.login(colleague, USER_PASSWORD);
		assertThat(HtmlUtils.htmlUnescape(other.get("/cases/" + caseId).body())).doesNotContain(typed)
			.contains("Ny anteckning");
		assertThat(http().json("GET", "/api/v1/cases/" + caseId + "/journal", null, token(colleague, USER_PASSWORD))
			.body()).isEqualTo("[]");
	}

	@Test
	void shouldAnswerNotFoundToAnotherUnitAndAuditEachRead() {
		String mika = createUser("mika", List.of("CASEWORKER"), List.of("MIKA"));
		String kast = createUser("kast", List.of("CASEWORKER"), List.of("KAST"));
		String mikaToken = token(mika, USER_PASSWORD);
		String kastToken = token(kast, USER_PASSWORD);
		long caseId = casework(mikaToken).openCase("MIKA", "mika_support");
		long entry = id(http().json("POST", "/api/v1/cases/" + caseId + "/journal",
				"""
						{"date":"2026-02-03","kind":"counselling","channel":"phone","minutes":30,"note":"Hemligt","sign":true}""",
				mikaToken)
			.body());

		assertThat(http().json("GET", "/api/v1/cases/" + caseId + "/journal", null, kastToken).statusCode())
			.isEqualTo(404);
		assertThat(http().json("GET", "/api/v1/cases/" + caseId + "/journal/" + entry, null, kastToken).statusCode())
			.isEqualTo(404);
		assertThat(
				http().json("POST", "/api/v1/cases/" + caseId + "/journal", "{\"note\":\"x\"}", kastToken).statusCode())
			.isEqualTo(404);
		var browser = http();
		browser.login(kast, USER_PASSWORD);
		browser.get("/");
		assertThat(browser.post("/cases/" + caseId + "/journal", Map.of("note", "x", "action", "draft")).statusCode())
			.isEqualTo(404);
		assertThat(browser.post("/cases/" + caseId + "/journal/autosave", Map.of("note", "x")).statusCode())
			.isEqualTo(404);

		assertThat(http().json("GET", "/api/v1/cases/" + caseId + "/journal", null, mikaToken).body())
			.contains("Hemligt");
		assertThat(audit().by(mika).kind("READ").subject("case", caseId).purposes()).contains("journal");
		assertThat(audit().by(kast).where("subject_id = ?", String.valueOf(caseId)).count()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM casework.journal_entries WHERE case_id = ?")
			.param(caseId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private static String draftId(String page) {
		Matcher m = Pattern.compile("id=\"journal-entryId\"[^>]*value=\"(\\d+)\"").matcher(page);
		assertThat(m.find()).as("draft id on the page").isTrue();
		return m.group(1);
	}

	private static void asUser(String username, String unit, Runnable work) {
		var user = new CurrentUser(0, username, "Test", Set.of(Role.CASEWORKER),
				new TreeSet<>(Set.of(UnitCode.of(unit))), false);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
		try {
			work.run();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
