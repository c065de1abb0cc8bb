package se.skyddsnat.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.skyddsnat.support.Http;

/**
 * Booking as people do it, through the public form, the mails (GreenMail) and their links
 * (real HTTP), with the clock moved for expiry, lapse, quota release and retention.
 */
class TrainingBookingTest extends TrainingTestSupport {

	private String state(long session, String email) {
		return jdbc.sql("SELECT state FROM training.bookings WHERE session_id = ? AND email = ?")
			.params(session, email)
			.query(String.class)
			.single();
	}

	@Test
	void aFullSessionWaitlistsOffersInOrderAndNobodyJumpsTheQueue() {
		long s = publishedSession(unique("Människohandel grund"), 2, 10, null);
		String a = unique("anna") + "@kommun.example.se";
		String b = unique("bertil") + "@kommun.example.se";
		String c = unique("cecilia") + "@kommun.example.se";
		String d = unique("david") + "@kommun.example.se";
		String e = unique("eva") + "@kommun.example.se";
		assertThat(bookAndConfirm(s, "Anna Andersson", a, "0126")).contains("Du är bokad");
		assertThat(bookAndConfirm(s, "Bertil Berg", b, "0180")).contains("Du är bokad");
		assertThat(bookAndConfirm(s, "Cecilia Ek", c, "0138")).contains("Du står på väntelistan");
		assertThat(bookAndConfirm(s, "David Dahl", d, "annan")).contains("Du står på väntelistan");

		// the booked mail carries a calendar file with the session's time in
		// Europe/Stockholm
		var booked = latest(a, "Du är bokad");
		String ics = utf8(attachment(booked, "utbildning.ics"));
		var event = Ics.parse(ics);
		assertThat(event.get("DTSTART;TZID=Europe/Stockholm")).isNotNull();
		LocalDateTime start = LocalDateTime.parse(event.get("DTSTART;TZID=Europe/Stockholm"),
				DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
		ZonedDateTime stored = jdbc.sql("SELECT starts_at FROM training.sessions WHERE id = ?")
			.param(s)
			.query(java.time.OffsetDateTime.class)
			.single()
			.atZoneSameInstant(STOCKHOLM);
		assertThat(start).isEqualTo(stored.toLocalDateTime()).isEqualTo(local(10, 9));
		assertThat(ics).contains("BEGIN:VTIMEZONE", "TZID:Europe/Stockholm", "END:VCALENDAR\r\n");
		assertThat(text(booked)).contains("https://meet.example.se/abc");
		assertThat(text(latest(c, "Du står på väntelistan"))).doesNotContain("meet.example.se");

		// the first cancels through the link in the mail: the first in line gets an offer
		String manage = link(booked, "booking");
		assertThat(follow(manage, "/cancel")).contains("Avbokade");
		assertThat(state(s, a)).isEqualTo("cancelled");
		var offer = latest(c, "En plats är ledig för dig");
		assertThat(state(s, d)).as("second in line still waits").isEqualTo("waitlisted");

		// a new booking while someone waits is waitlisted
		assertThat(bookAndConfirm(s, "Eva Ek", e, "0126")).contains("Du står på väntelistan");

		// the offer accepted through its link books the seat, and the person is told
		assertThat(follow(link(offer, "offer"), "/accept")).contains("Du är bokad");
		assertThat(state(s, c)).isEqualTo("booked");
		assertThat(subject(latest(c, "Du har fått en plats"))).contains("Människohandel grund");

		// Bertil cancels: David (next in line) is offered, lets it expire; it passes to
		// Eva
		follow(link(latest(b, "Du är bokad"), "booking"), "/cancel");
		latest(d, "En plats är ledig för dig");
		assertThat(state(s, d)).isEqualTo("offered");
		clock.advance(Duration.ofHours(49));
		runJobs();
		assertThat(state(s, d)).isEqualTo("cancelled");
		assertThat(latest(d, "Erbjudandet har gått ut")).isNotNull();
		assertThat(state(s, e)).isEqualTo("offered");
		latest(e, "En plats är ledig för dig");
		var outcomes = jdbc.sql("SELECT outcome FROM training.offers WHERE session_id = ? ORDER BY id")
			.param(s)
			.query(String.class)
			.list();
		assertThat(outcomes).containsExactly("accepted", "expired", "open");
		// the organiser sees every offer and its outcome
		assertThat(staff.get("/training/sessions/" + s).body()).contains("Gått ut", "Antaget", "Cecilia Ek");
	}

	@Test
	void anUnconfirmedBookingHoldsNoSeatAndLapsesAfter24Hours() {
		long s = publishedSession(unique("Sugardejting"), 1, 10, null);
		String a = unique("ulla") + "@kommun.example.se";
		String b = unique("vera") + "@kommun.example.se";
		assertThat(book(s, "Ulla Unconfirmed", a, "0126").statusCode()).isEqualTo(302);
		assertThat(state(s, a)).isEqualTo("unconfirmed");
		assertThat(bookAndConfirm(s, "Vera Vän", b, "0126")).as("the unconfirmed holds no seat")
			.contains("Du är bokad");
		clock.advance(Duration.ofHours(25));
		runJobs();
		assertThat(
				jdbc.sql("SELECT count(*) FROM training.bookings WHERE email = ?").param(a).query(Long.class).single())
			.isZero();
		assertThat(http().get(link(latest(a, "Bekräfta din bokning"), "confirm")).body())
			.as("the lapsed booking's link")
			.contains("Länken fungerar inte längre")
			.doesNotContain("Bekräfta bokningen");
	}

	@Test
	void thePublicPagesAndTheMailsSpeakEnglishOnRequest() {
		long s = publishedSession(unique("English"), 5, 10, null);
		var person = http();
		assertThat(person.get("/public/training?lang=en").body())
			.contains("Trainings on prostitution and human trafficking", "Seats left: 5");
		String page = person.get("/public/training/" + s).body();
		assertThat(page).contains("Book a seat", "E-mail address", "name=\"name\"", "name=\"email\"",
				"name=\"municipality\"", "name=\"organisation\"", "name=\"role\"", "name=\"needs\"", "Other");
		String email = unique("eng") + "@kommun.example.se";
		var r = person.post("/public/training/" + s, Map.of("name", "Eve English", "email", email, "municipality",
				"annan", "organisation", "NGO", "role", "civil_society", "needs", "Wheelchair access"));
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(person.get(Http.location(r).replace("http://localhost:" + port, "")).body())
			.contains("Check your e-mail");
		var mail = latest(email, "Confirm your booking");
		assertThat(text(mail)).contains("Hello Eve English!", "within 24 hours");
		// a wrong field is named in English, and the public page tells nothing about who
		// booked
		var wrong = person.post("/public/training/" + s, Map.of("name", "", "email", "not-an-address", "municipality",
				"9999", "organisation", "", "role", "pilot"));
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(wrong.body()).contains("Write your name", "Write an e-mail address", "Choose your municipality",
				"Choose your profession");
		assertThat(http().get("/public/training/" + s).body()).doesNotContain("Eve English").doesNotContain(email);
	}

	@Test
	void theHoneypotAndTheRateLimitsRefuseSpam() {
		long s = publishedSession(unique("Spam"), 50, 10, null);
		var robot = http();
		robot.get("/public/training/" + s);
		String bot = unique("bot") + "@example.se";
		var r = robot.post("/public/training/" + s, Map.of("name", "Bot", "email", bot, "municipality", "0126",
				"organisation", "X", "role", "other", "website", "http://spam.example"));
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT count(*) FROM training.bookings WHERE email = ?")
			.param(bot)
			.query(Long.class)
			.single()).isZero();
		assertThat(mailsTo(bot)).isEmpty();

		// one e-mail: five an hour
		String same = unique("flood") + "@example.se";
		for (int i = 0; i < 5; i++) {
			assertThat(book(s, "Flood", same, "0126").statusCode()).isEqualTo(302);
		}
		var refused = book(s, "Flood", same, "0126");
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.body()).contains("För många bokningar");
		// one address: 25 an hour in this test context
		int status = 0;
		for (int i = 0; i < 25 && status != 429; i++) {
			status = book(s, "Many", unique("m") + "@example.se", "0126").statusCode();
		}
		assertThat(status).isEqualTo(429);
	}

	@Test
	void quotaSeatsAreHeldForTheirMunicipalityThenReleasedOnTheConfiguredDay() {
		long s = publishedSession(unique("Kvot"), 2, 10, "[{\"municipality\":\"0126\",\"seats\":\"1\"}]");
		String a = unique("nacka") + "@kommun.example.se";
		String b = unique("solna") + "@kommun.example.se";
		String c = unique("huddinge") + "@kommun.example.se";
		assertThat(bookAndConfirm(s, "Ada", a, "0182")).contains("Du är bokad");
		assertThat(bookAndConfirm(s, "Bo", b, "0184")).as("the last seat is held for Huddinge").contains("väntelistan");
		assertThat(staff.get("/training/sessions/" + s).body()).as("the organiser sees the held seat by name")
			.contains("Huddinge: 1")
			.doesNotContain("0126=");
		clock.advance(Duration.ofDays(7).plusHours(1));
		runJobs();
		assertThat(state(s, b)).as("released three days before: offered to the first in line").isEqualTo("offered");
		assertThat(bookAndConfirm(s, "Cia", c, "0126")).contains("väntelistan");
	}

	@Test
	void evaluationsShowNothingBelowFiveAndTheAnswersHoldNoParticipant() {
		long s = publishedSession(unique("Utvärdering"), 10, 3, null);
		var emails = new java.util.ArrayList<String>();
		for (int i = 0; i < 6; i++) {
			String e = unique("p" + i) + "@kommun.example.se";
			emails.add(e);
			bookAndConfirm(s, "Deltagare " + i, e, "0126");
		}
		afterSession(s);
		var ids = jdbc.sql("SELECT id FROM training.bookings WHERE session_id = ?").param(s).query(Long.class).list();
		staff.get("/training/sessions/" + s);
		var form = new HashMap<String, String>();
		var attended = staff.post("/training/sessions/" + s + "/attendance?"
				+ String.join("&", ids.stream().map(id -> "attended=" + id).toList()), form);
		assertThat(attended.statusCode()).isEqualTo(302);
		runJobs();
		for (int i = 0; i < 4; i++) {
			String link = link(latest(emails.get(i), "Vad tyckte du om"), "evaluation");
			var person = http();
			person.get(link);
			assertThat(person
				.post(link, Map.of("satisfaction", "5", "usefulness", "4", "best", "Fallen " + i, "improve", ""))
				.body()).contains("Tack för ditt svar");
			assertThat(person.post(link, Map.of("satisfaction", "1", "usefulness", "1")).body())
				.as("a link answers once")
				.contains("fungerar inte");
		}
		String page = staff.get("/training/sessions/" + s).body();
		assertThat(page).contains("Resultat visas från fem svar (4 hittills)").doesNotContain("Fallen 0");
		var person = http();
		String link = link(latest(emails.get(4), "Vad tyckte du om"), "evaluation");
		person.get(link);
		person.post(link, Map.of("satisfaction", "3", "usefulness", "3", "best", "Fallen 4"));
		assertThat(staff.get("/training/sessions/" + s).body()).contains("5 svar", "80 % nöjda", "Fallen 0");

		// no column of the answers can hold a participant, and no value in them is one
		var columns = jdbc
			.sql("SELECT column_name FROM information_schema.columns WHERE table_schema = 'training' "
					+ "AND table_name = 'evaluations'")
			.query(String.class)
			.list();
		assertThat(columns).containsExactlyInAnyOrder("id", "session_id", "satisfaction", "usefulness", "best",
				"improve");
		assertThat(jdbc
			.sql("SELECT count(*) FROM training.evaluations e JOIN training.bookings b "
					+ "ON b.id::text = e.id::text OR b.name = e.best")
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc
			.sql("SELECT count(*) FROM training.tokens t JOIN training.bookings b ON b.id = t.booking_id "
					+ "WHERE b.session_id = ? AND t.purpose = 'evaluation'")
			.param(s)
			.query(Long.class)
			.single()).as("the answered links are gone, the unanswered one stays").isEqualTo(1);
	}

	@Test
	void retentionDeletesParticipantsPersonalDataAfterTheConfiguredTimeAndKeepsTheCounts() {
		long s = publishedSession(unique("Retention"), 10, 2, null);
		String a = unique("r1") + "@kommun.example.se";
		String b = unique("r2") + "@kommun.example.se";
		bookAndConfirm(s, "Rut Retention", a, "0126");
		bookAndConfirm(s, "Rolf Retention", b, "0180");
		afterSession(s);
		long first = jdbc.sql("SELECT id FROM training.bookings WHERE email = ?").param(a).query(Long.class).single();
		staff.get("/training/sessions/" + s);
		staff.post("/training/sessions/" + s + "/attendance?attended=" + first, Map.of());
		var day = jdbc
			.sql("SELECT (starts_at AT TIME ZONE 'Europe/Stockholm')::date FROM training.sessions WHERE id = ?")
			.param(s)
			.query(java.time.LocalDate.class)
			.single();
		String api = "/api/v1/training/statistics?from=" + day + "&to=" + day;
		bearer = token(coordinator, USER_PASSWORD);
		assertThat(http().json("GET", api, null, bearer).body()).contains("{\"code\":\"0126\",\"count\":1}");

		clock.advance(Duration.ofDays(300));
		runJobs();
		assertThat(jdbc.sql("SELECT count(*) FROM training.bookings WHERE session_id = ?")
			.param(s)
			.query(Long.class)
			.single()).as("kept for 12 months").isEqualTo(2);
		clock.advance(Duration.ofDays(70));
		runJobs();
		bearer = token(coordinator, USER_PASSWORD);
		assertThat(jdbc.sql("SELECT count(*) FROM training.bookings WHERE session_id = ?")
			.param(s)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc
			.sql("SELECT count(*) FROM mail.outbox WHERE body_text LIKE '%Rut Retention%' AND state = 'pending'")
			.query(Long.class)
			.single()).isZero();
		assertThat(http().json("GET", api, null, bearer).body()).as("the counts stay")
			.contains("{\"code\":\"0126\",\"count\":1}", "{\"code\":\"0180\",\"count\":0}");
		assertThat(jdbc
			.sql("SELECT details FROM audit.audit_log WHERE subject_type = 'training-session' AND subject_id = ? "
					+ "AND details LIKE 'retention%'")
			.param(Long.toString(s))
			.query(String.class)
			.list()).singleElement().asString().contains("2 booking(s) deleted").doesNotContain("Rut");
	}

	@Test
	void withTheMailServerStoppedMailsWaitAndAreSentOnceWhenItReturns() throws Exception {
		long s = publishedSession(unique("Utkorg"), 5, 10, null);
		String a = unique("o1") + "@kommun.example.se";
		smtp.stop();
		try {
			assertThat(book(s, "Olle Outbox", a, "0126").statusCode()).isEqualTo(302);
			runJobs();
			assertThat(
					jdbc.sql("SELECT state FROM mail.outbox WHERE recipient = ?").param(a).query(String.class).single())
				.isEqualTo("pending");
		}
		finally {
			smtp.start();
		}
		clock.advance(Duration.ofMinutes(5));
		assertThat(mailsTo(a)).hasSize(1);
		clock.advance(Duration.ofHours(2));
		assertThat(mailsTo(a)).as("nothing twice").hasSize(1);
	}

	/**
	 * A small RFC 5545 reader: unfolds lines, checks BEGIN/END nesting, returns the first
	 * VEVENT's properties.
	 */
	static final class Ics {

		static Map<String, String> parse(String ics) {
			assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n");
			String unfolded = ics.replace("\r\n ", "");
			var stack = new java.util.ArrayDeque<String>();
			var event = new HashMap<String, String>();
			for (String line : unfolded.split("\r\n")) {
				assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200);
				int colon = line.indexOf(':');
				assertThat(colon).as(line).isPositive();
				String name = line.substring(0, colon);
				String value = line.substring(colon + 1);
				if (name.equals("BEGIN")) {
					stack.push(value);
				}
				else if (name.equals("END")) {
					assertThat(stack.pop()).isEqualTo(value);
				}
				else if ("VEVENT".equals(stack.peek())) {
					event.putIfAbsent(name, value);
				}
			}
			assertThat(stack).isEmpty();
			assertThat(event).containsKeys("UID", "DTSTAMP", "SUMMARY");
			return event;
		}

	}

}
