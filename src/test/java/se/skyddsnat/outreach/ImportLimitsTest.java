package se.skyddsnat.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import se.skyddsnat.support.IntegrationTest;

/**
 * Big history files: a file of exactly the default limit (50 MB) is read (as a stream)
 * and previewed, one byte more is refused naming the file and the limit — problem+json
 * for the API, the Swedish page for the form; a file with many bad lines answers the
 * first 100 errors and how many there were. The files are made here, never committed.
 */
class ImportLimitsTest extends IntegrationTest {

	private static final int LIMIT = 50 * 1024 * 1024;

	private static final String SHIFTS_HEADER = "ref;date;start_time;end_time;kind;police_operation;arena;municipality;units;notes\n";

	private static final byte[] ENCOUNTERS = ("shift_ref;role;gender;age;minor;home_municipality;support_offered;"
			+ "offered_by;accepted\n")
		.getBytes(StandardCharsets.UTF_8);

	/** Shifts with long notes, exactly {@code size} bytes. */
	private static byte[] shiftsOfSize(int size) {
		String prefix = "big-" + UUID.randomUUID().toString().substring(0, 8) + "-";
		String notes = "Anteckning utan namn. ".repeat(90); // 1980 characters, under the
															// 2000 allowed
		var out = new ByteArrayOutputStream(size);
		out.writeBytes(SHIFTS_HEADER.getBytes(StandardCharsets.UTF_8));
		int i = 0;
		while (true) {
			byte[] row = (prefix + i++ + ";2024-03-04;21:00;23:00;own;;street;0180;MIKA;" + notes + "\n")
				.getBytes(StandardCharsets.UTF_8);
			if (out.size() + row.length + 100 > size) {
				break;
			}
			out.writeBytes(row);
		}
		int left = size - out.size() - 1; // the last row: notes padded so that the file
											// is exactly size bytes
		String start = prefix + i + ";2024-03-04;;;own;;street;0180;MIKA;";
		out.writeBytes((start + "x".repeat(left - start.length()) + "\n").getBytes(StandardCharsets.UTF_8));
		byte[] file = out.toByteArray();
		assertThat(file).hasSize(size);
		return file;
	}

	@Test
	void shouldPreviewAFileOfExactlyTheLimitAndRefuseOneByteMoreNamingTheLimit() {
		String coordinator = createUser("bigimport", List.of("COORDINATOR"), List.of("MIKA"));
		String token = token(coordinator, USER_PASSWORD);
		byte[] shifts = shiftsOfSize(LIMIT);
		long rows = new String(shifts, StandardCharsets.UTF_8).lines().count() - 1;

		var preview = http().multipart("/api/v1/outreach/import?dryRun=true",
				Map.of("shifts", shifts, "encounters", ENCOUNTERS), token);
		assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
		assertThat(preview.body()).contains("\"shifts\":" + rows).contains("\"dryRun\":true");

		byte[] tooBig = Arrays.copyOf(shifts, LIMIT + 1);
		tooBig[LIMIT] = '\n';
		var refused = http().multipart("/api/v1/outreach/import?dryRun=true",
				Map.of("shifts", tooBig, "encounters", ENCOUNTERS), token);
		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(refused.body()).contains("Filen shifts är större än vad som tas emot: högst 50 MB per fil.");

		var browser = http();
		browser.login(coordinator, USER_PASSWORD);
		assertThat(browser.get("/outreach/import").body()).contains("Varje fil får vara högst 50 MB.");
		var page = browser.upload("/outreach/import", Map.of(), "shifts", tooBig);
		assertThat(page.statusCode()).isEqualTo(413);
		assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(page.body()).contains("<html lang=\"sv\"")
			.contains("Något gick fel")
			.contains("Filen shifts är större än vad som tas emot: högst 50 MB per fil.")
			.contains("<main");
		assertThat(jdbc.sql("SELECT count(*) FROM outreach.shifts WHERE ref LIKE 'big-%'").query(Long.class).single())
			.isZero();
	}

	@Test
	void shouldAnswerTheFirstHundredErrorsAndHowManyThereWere() {
		String coordinator = createUser("manyerrors", List.of("COORDINATOR"), List.of("MIKA"));
		String token = token(coordinator, USER_PASSWORD);
		var shifts = new StringBuilder(SHIFTS_HEADER);
		for (int i = 0; i < 250; i++) {
			shifts.append("bad-").append(UUID.randomUUID()).append(";not-a-date;;;own;;street;0180;MIKA;\n");
		}
		var answer = http().multipart("/api/v1/outreach/import",
				Map.of("shifts", shifts.toString().getBytes(StandardCharsets.UTF_8), "encounters", ENCOUNTERS), token);
		assertThat(answer.statusCode()).isEqualTo(400);
		assertThat(answer.body()).contains("\"errorCount\":250").contains("250 fel");
		assertThat(Pattern.compile("\"line\":").matcher(answer.body()).results().count()).isEqualTo(100);
		assertThat(answer.body()).contains("\"line\":2,").contains("\"line\":101,").doesNotContain("\"line\":102,");

		var browser = http();
		browser.login(coordinator, USER_PASSWORD);
		browser.get("/outreach/import");
		var form = browser.uploadFiles("/outreach/import",
				Map.of("shifts", shifts.toString().getBytes(StandardCharsets.UTF_8), "encounters", ENCOUNTERS));
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("Importen avvisades: 250 fel.").contains("De första 100 av 250 felen visas.");

		var population = new StringBuilder("code;population\n");
		for (int i = 0; i < 150; i++) {
			population.append("99").append(String.format("%02d", i % 100)).append(";1000\n");
		}
		var table = http().body("POST", "/api/v1/region/population?year=2020", "text/csv",
				population.toString().getBytes(StandardCharsets.UTF_8), token(ADMIN, ADMIN_PASSWORD));
		assertThat(table.statusCode()).isEqualTo(400);
		assertThat(table.body()).contains("\"errorCount\":150").contains("150 fel");
		assertThat(Pattern.compile("\"line\":").matcher(table.body()).results().count()).isEqualTo(100);
		var huge = http().body("POST", "/api/v1/region/population?year=2020", "text/csv", new byte[3 * 1024 * 1024],
				token(ADMIN, ADMIN_PASSWORD));
		assertThat(huge.statusCode()).isEqualTo(413);
		assertThat(huge.body()).contains("högst 2 MB");
	}

}
