package se.skyddsnat.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;

/**
 * What organisers do after publishing, and what participants then receive: a change and a
 * cancellation told by mail (with the calendar file updated or cancelled), one reminder
 * two days before with the meeting link, certificates, the participant list in the API,
 * and the counts (page, XLSX, API, the offer's "three a year", usage per municipality)
 * suppressed where they leave the unit.
 */
class TrainingOrganiserTest extends TrainingTestSupport {

	@Test
	void aChangeAndACancellationAreToldAndTheReminderComesOnceTwoDaysBefore() {
		long s = publishedSession(unique("Ändras"), 5, 6, null);
		String a = unique("k1") + "@kommun.example.se";
		String b = unique("k2") + "@kommun.example.se";
		bookAndConfirm(s, "Karin Kvist", a, "0126");
		bookAndConfirm(s, "Kalle Kvist", b, "annan");

		staff.get("/training/sessions/" + s + "/edit");
		var form = new HashMap<String, String>(Map.of("format", "digital", "date", local(6, 0).toLocalDate().toString(),
				"startTime", "13:00", "endTime", "15:30", "link", "https://meet.example.se/ny", "capacity", "5",
				"bookingOpens", local(0, 0).toLocalDate().toString(), "bookingCloses",
				local(6, 0).toLocalDate().toString(), "quotaReleaseDays", "3"));
		assertThat(staff.post("/training/sessions/" + s, form).statusCode()).isEqualTo(302);
		var changed = latest(a, "Ändrat tillfälle");
		assertThat(text(changed)).contains("13:00–15:30", "https://meet.example.se/ny");
		assertThat(utf8(attachment(changed, "utbildning.ics"))).contains(
				"DTSTART;TZID=Europe/Stockholm:" + local(6, 0).toLocalDate().toString().replace("-", "") + "T130000");
		latest(b, "Ändrat tillfälle");

		// three days before: no reminder yet; 47 hours before: one, and only one
		var start = startOf(s);
		clock.set(start.minus(Duration.ofDays(3)));
		runJobs();
		assertThat(mailsTo(a).stream().filter(m -> subject(m).startsWith("Påminnelse")).toList()).isEmpty();
		clock.set(start.minus(Duration.ofHours(47)));
		runJobs();
		clock.advance(Duration.ofHours(1));
		runJobs();
		var reminders = mailsTo(a).stream().filter(m -> subject(m).startsWith("Påminnelse")).toList();
		assertThat(reminders).hasSize(1);
		assertThat(text(reminders.getFirst())).contains("https://meet.example.se/ny");

		staff.get("/training/sessions/" + s);
		assertThat(staff.post("/training/sessions/" + s + "/cancel", Map.of()).statusCode()).isEqualTo(302);
		var cancelled = latest(b, "Inställt");
		assertThat(utf8(attachment(cancelled, "utbildning.ics"))).contains("METHOD:CANCEL", "STATUS:CANCELLED");
		assertThat(http().get("/public/training").body()).doesNotContain("Ändras");
	}

	@Test
	void attendeesGetCertificatesAndTheListIsInTheApi() {
		long s = publishedSession(unique("Intyg"), 5, 1, null);
		String a = unique("i1") + "@kommun.example.se";
		bookAndConfirm(s, "Ingrid Ölund", a, "0126");
		var list = http().json("GET", "/api/v1/training/sessions/" + s + "/participants", null, bearer);
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("\"name\":\"Ingrid Ölund\"", "\"email\":\"" + a + "\"",
				"\"municipality\":\"0126\"", "\"state\":\"booked\"");
		afterSession(s);
		long id = jdbc.sql("SELECT id FROM training.bookings WHERE email = ?").param(a).query(Long.class).single();
		staff.get("/training/sessions/" + s);
		staff.post("/training/sessions/" + s + "/attendance?attended=" + id, Map.of());
		staff.get("/training/sessions/" + s);
		assertThat(staff.post("/training/sessions/" + s + "/certificates", Map.of()).statusCode()).isEqualTo(302);
		byte[] pdf = attachment(latest(a, "Intyg"), "intyg.pdf");
		assertThat(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF")
			.contains("FontFile2");
		String manage = link(latest(a, "Du är bokad"), "booking");
		var own = http().download(manage + "/certificate.pdf");
		assertThat(own.statusCode()).isEqualTo(200);
		assertThat(new String(own.body(), java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF");
		assertThat(http()
			.json("GET", "/api/v1/training/sessions/" + s + "/participants", null, token(coordinator, USER_PASSWORD))
			.body()).contains("\"state\":\"attended\"");
	}

	@Test
	void theCountsAreSuppressedWhereTheyLeaveTheUnitAndFeedTheOfferAndTheUsageReport() throws IOException {
		long s = publishedSession(unique("Räknas"), 20, 1, null);
		for (int i = 0; i < 7; i++) {
			bookAndConfirm(s, "Person " + i, unique("c" + i) + "@kommun.example.se", i < 6 ? "0126" : "0180");
		}
		afterSession(s);
		var ids = jdbc.sql("SELECT id FROM training.bookings WHERE session_id = ?").param(s).query(Long.class).list();
		staff.get("/training/sessions/" + s);
		staff.post("/training/sessions/" + s + "/attendance?"
				+ ids.stream().map(id -> "attended=" + id).collect(Collectors.joining("&")), Map.of());
		var day = jdbc
			.sql("SELECT (starts_at AT TIME ZONE 'Europe/Stockholm')::date FROM training.sessions WHERE id = ?")
			.param(s)
			.query(java.time.LocalDate.class)
			.single();
		String period = "from=" + day + "&to=" + day;
		staff.get("/training/lectures/new");
		var lecture = staff.post("/training/lectures", Map.of("heldOn", day.toString(), "title",
				"Hotellpersonal i city", "audience", "hotel", "headCount", "12"));
		assertThat(lecture.statusCode()).isEqualTo(302);
		assertThat(staff.get("/training").body()).contains("Hotellpersonal i city");
		bearer = token(coordinator, USER_PASSWORD);
		String exact = http().json("GET", "/api/v1/training/statistics?" + period, null, bearer).body();
		assertThat(exact).contains("\"sessionsHeld\":1", "\"digital\":1", "{\"code\":\"0126\",\"count\":6}",
				"{\"code\":\"0180\",\"count\":1}", "\"attended\":7", "\"lectures\":1",
				"{\"audience\":\"hotel\",\"lectures\":1,\"headCount\":12}");
		// follow-up's indicators read the same figures through TrainingFigures
		String indicators = http().json("GET", "/api/v1/followup/indicators?" + period, null, bearer).body();
		assertThat(indicator(indicators, "trainings_held")).isEqualTo("1");
		assertThat(indicator(indicators, "training_participants")).isEqualTo("7");
		assertThat(indicator(indicators, "lectures")).isEqualTo("1");
		assertThat(indicator(indicators, "training_satisfied")).isEqualTo("\"–\"");
		String suppressed = http().json("GET", "/api/v1/training/statistics?" + period + "&suppress=true", null, bearer)
			.body();
		assertThat(suppressed).contains("{\"code\":\"0180\",\"count\":\"<5\"}").doesNotContain("\"count\":1}");

		String page = staff.get("/training/figures?" + period).body();
		assertThat(page).contains("Genomförda tillfällen: 1 (digitalt 1, på plats 0).", "&lt;5");
		var xlsx = staff.download("/training/figures.xlsx?" + period + "&exact=true");
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			List<String> rows = workbook.getFirstSheet()
				.read()
				.stream()
				.map(r -> r.stream().map(c -> c == null ? "" : c.getText()).collect(Collectors.joining("|")))
				.toList();
			assertThat(rows).contains("Huddinge|0126|6", "Stockholm|0180|1", "Summa||7");
		}

		assertThat(staff.get("/region").body()).contains("Utbildningstillfällen: 3 om året enligt avtalet");

		String analyst = createUser("analytiker", List.of("ANALYST"), List.of());
		var reader = http();
		reader.login(analyst, USER_PASSWORD);
		String usage = reader.get("/followup/usage?" + period + "&suppress=false").body();
		assertThat(usage).contains("Utbildningsdeltagare");
		assertThat(usage.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "))
			.containsPattern("Huddinge \\(0126\\) 0 0 0 0 6 ");
		// follow-up's page of the indicator names the municipalities the participants
		// work in
		String participants = reader
			.get("/followup/indicators/training_participants?" + period + "&by=home_municipality")
			.body();
		assertThat(participants).contains("Deltagare i utbildningar", "Huddinge").doesNotContain(">0126<");
	}

	/** The value of one indicator in the follow-up API's answer, as JSON writes it. */
	private static String indicator(String answer, String id) {
		var m = java.util.regex.Pattern.compile("\\{\"id\":\"" + id + "\"[^{}]*?\"value\":(\"[^\"]*\"|[^,}]+)")
			.matcher(answer);
		assertThat(m.find()).as(id + " in " + answer).isTrue();
		return m.group(1);
	}

}
