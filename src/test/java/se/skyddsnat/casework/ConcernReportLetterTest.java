package se.skyddsnat.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;

import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;

/**
 * Issue 11: the report of concern (orosanmälan) of a child met on a raid, as a letter
 * from the task page, read back from the PDF: the secrecy line, the child as the task
 * describes it, the home municipality by name, the sending unit; audited as an export;
 * another unit gets 404.
 */
class ConcernReportLetterTest extends IntegrationTest {

	@Autowired
	private Clock clock;

	@Test
	void shouldProduceTheReportOfConcernAsALetterForTheTasksUnitOnly() throws Exception {
		String today = LocalDate.now(clock).toString();
		String worker = createUser("oro", List.of("CASEWORKER"), List.of("UNGDOMSJOUREN"));
		String token = token(worker, USER_PASSWORD);
		var shift = http().json("POST", "/api/v1/outreach/shifts", """
				{"date":"%s","kind":"joint","police_operation":"raid","arena":"apartment","municipality":"0180",
				 "units":["UNGDOMSJOUREN"],
				 "encounters":[
				   {"role":"exposed","gender":"female","age":16,"minor":"yes","home_municipality":"0127",
				    "support_offered":true,"offered_by":"UNGDOMSJOUREN","accepted":"unknown"}]}""".formatted(today),
				token);
		assertThat(shift.statusCode()).as(shift.body()).isEqualTo(201);
		long shiftId = se.skyddsnat.support.Json.id(shift);
		long task = jdbc.sql("SELECT id FROM casework.tasks WHERE shift_id = ? AND lower(kind) = 'concern_report'")
			.param(shiftId)
			.query(Long.class)
			.single();
		long guardians = jdbc
			.sql("SELECT id FROM casework.tasks WHERE shift_id = ? AND lower(kind) = 'contact_guardians'")
			.param(shiftId)
			.query(Long.class)
			.single();

		Http browser = http();
		browser.login(worker, USER_PASSWORD);
		assertThat(browser.get("/tasks/" + task).body()).contains("Orosanmälan (PDF)");
		assertThat(browser.get("/tasks/" + guardians).body()).doesNotContain("Orosanmälan (PDF)");
		var download = browser.download("/tasks/" + task + "/orosanmalan.pdf");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
		var reader = new PdfReader(download.body());
		var extractor = new PdfTextExtractor(reader);
		for (int p = 1; p <= reader.getNumberOfPages(); p++) {
			assertThat(extractor.getTextFromPage(p)).contains("Sekretess enligt OSL 26 kap. 1 §");
		}
		String text = extractor.getTextFromPage(1).replaceAll("\\s+", " ");
		assertThat(text).contains("Orosanmälan")
			.contains("Socialtjänsten i Botkyrka")
			.contains("Flicka, 16 år · påträffad " + today + ", tillslag i lägenhet, Stockholm · hemkommun Botkyrka")
			.contains("Test oro")
			.contains("Ungdomsjouren");
		assertThat(jdbc
			.sql("SELECT count(*) FROM audit.audit_log WHERE actor = ? AND kind = 'READ' "
					+ "AND subject_type = 'task' AND subject_id = ? AND purpose = 'export' "
					+ "AND details LIKE 'task.concernReport%'")
			.params(worker, String.valueOf(task))
			.query(Long.class)
			.single()).isEqualTo(1);
		// the contact-guardians task has no letter
		assertThat(browser.download("/tasks/" + guardians + "/orosanmalan.pdf").statusCode()).isEqualTo(404);

		Http other = http();
		other.login(createUser("oroannan", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);
		assertThat(other.download("/tasks/" + task + "/orosanmalan.pdf").statusCode()).isEqualTo(404);
	}

}
