package se.skyddsnat.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import se.skyddsnat.scheduling.JobScheduler;
import se.skyddsnat.support.DueJobs;
import se.skyddsnat.support.Http;
import se.skyddsnat.support.IntegrationTest;
import se.skyddsnat.support.MutableClock;

/**
 * The application with a real SMTP server (GreenMail) and a clock that stands still until
 * a test moves it: the one context every training test shares. Helpers act as people do:
 * the coordinator through the API and the pages, participants through the public form,
 * the mails and their links over real HTTP.
 */
@Import(TrainingTestSupport.StandingClock.class)
abstract class TrainingTestSupport extends IntegrationTest {

	static final int SMTP_PORT = freePort();
	static final String PUBLIC_URL = "https://skyddsnat.example.se";
	static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
	static final Pattern LINK = Pattern
		.compile("https://skyddsnat\\.example\\.se(/public/training/[a-z]+/[A-Za-z0-9_-]{43})");
	static final List<String> JOBS = List.of("training-booking-lapse", "training-offer-expiry",
			"training-quota-release", "training-reminders", "training-evaluation-mails", "training-retention",
			"mail-outbox-send");

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("skyddsnat.public-url", () -> PUBLIC_URL);
		registry.add("skyddsnat.training.bookings-per-address", () -> 25);
	}

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
	JobScheduler scheduler;

	String coordinator;

	String bearer;

	Http staff;

	/** A fresh hour for the spam guard, and a coordinator logged in. */
	@BeforeEach
	void coordinator() {
		clock.advance(Duration.ofHours(2));
		coordinator = createUser("samordnare", List.of("COORDINATOR"), List.of());
		bearer = token(coordinator, USER_PASSWORD);
		staff = http();
		staff.login(coordinator, USER_PASSWORD);
	}

	static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * The local time {@code days} from the clock's now at {@code hour}:00 in Stockholm.
	 */
	LocalDateTime local(int days, int hour) {
		return LocalDateTime.ofInstant(clock.instant(), STOCKHOLM)
			.plusDays(days)
			.withHour(hour)
			.withMinute(0)
			.withSecond(0)
			.withNano(0);
	}

	long createCourse(String title) {
		var r = http().json("POST", "/api/v1/training/courses",
				"{\"title\":\"" + title + "\",\"description\":\"Om prostitution och människohandel\","
						+ "\"audience\":\"joined_municipalities\"}",
				bearer);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		return id(r.body());
	}

	/**
	 * A published digital session {@code days} from now, 09:00–12:00, bookable from
	 * today.
	 */
	long publishedSession(String title, int capacity, int days, String quotas) {
		long course = createCourse(title);
		var start = local(days, 9);
		var f = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
		String json = "{\"courseId\":\"" + course + "\",\"format\":\"digital\",\"startsAt\":\"" + f.format(start)
				+ "\",\"endsAt\":\"" + f.format(start.withHour(12)) + "\",\"link\":\"https://meet.example.se/abc\","
				+ "\"capacity\":\"" + capacity + "\",\"bookingOpens\":\"" + local(0, 0).toLocalDate()
				+ "\",\"bookingCloses\":\"" + start.toLocalDate() + "\""
				+ (quotas == null ? "" : ",\"quotas\":" + quotas) + ",\"quotaReleaseDays\":\"3\"}";
		var r = http().json("POST", "/api/v1/training/sessions", json, bearer);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
		long id = id(r.body());
		staff.get("/training/sessions/" + id);
		var p = staff.post("/training/sessions/" + id + "/publish", Map.of());
		assertThat(p.statusCode()).isEqualTo(302);
		return id;
	}

	/**
	 * Moves the clock to an hour after the session ended (whatever the time of day the
	 * tests run at).
	 */
	void afterSession(long session) {
		var end = jdbc.sql("SELECT ends_at FROM training.sessions WHERE id = ?")
			.param(session)
			.query(java.time.OffsetDateTime.class)
			.single()
			.toInstant();
		clock.set(end.plus(Duration.ofHours(1)));
	}

	/** The session's start, as stored. */
	java.time.Instant startOf(long session) {
		return jdbc.sql("SELECT starts_at FROM training.sessions WHERE id = ?")
			.param(session)
			.query(java.time.OffsetDateTime.class)
			.single()
			.toInstant();
	}

	static long id(String json) {
		Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
		assertThat(m.find()).as(json).isTrue();
		return Long.parseLong(m.group(1));
	}

	/**
	 * Books through the public form as a person would; returns the answer (a redirect to
	 * "check your mail").
	 */
	java.net.http.HttpResponse<String> book(long session, String name, String email, String municipality) {
		var person = http();
		person.get("/public/training/" + session);
		return person.post("/public/training/" + session, Map.of("name", name, "email", email, "municipality",
				municipality, "organisation", "Socialtjänsten", "role", "social_worker", "needs", ""));
	}

	/**
	 * Books and confirms through the link in the mail; returns the page the confirmation
	 * answered.
	 */
	String bookAndConfirm(long session, String name, String email, String municipality) {
		assertThat(book(session, name, email, municipality).statusCode()).isEqualTo(302);
		String confirm = link(latest(email, "Bekräfta din bokning"), "confirm");
		return follow(confirm, "");
	}

	/**
	 * Opens a link from a mail (GET), then presses the page's button (POST to
	 * {@code action}, "" for the same path).
	 */
	String follow(String path, String action) {
		var person = http();
		var page = person.get(path);
		assertThat(page.statusCode()).as(path).isEqualTo(200);
		var r = person.post(path + action, Map.of());
		return r.statusCode() == 302 ? person.get(Http.location(r).replace("http://localhost:" + port, "")).body()
				: r.body();
	}

	/**
	 * Runs the due jobs; the clock moves 11 s first, past the outbox's send interval (its
	 * next run is then due).
	 */
	void runJobs() {
		clock.advance(Duration.ofSeconds(11));
		DueJobs.run(scheduler, jdbc, clock, JOBS);
		DueJobs.run(scheduler, jdbc, clock, JOBS);
	}

	/** The mails to the address, in the order they arrived (the outbox run first). */
	List<MimeMessage> mailsTo(String email) {
		runJobs();
		var list = new ArrayList<MimeMessage>();
		for (MimeMessage m : smtp.getReceivedMessages()) {
			try {
				if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(email)) {
					list.add(m);
				}
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}
		return list;
	}

	MimeMessage latest(String email, String subjectStart) {
		var matching = mailsTo(email).stream().filter(m -> subject(m).startsWith(subjectStart)).toList();
		assertThat(matching).as("a mail '" + subjectStart + "' to " + email).isNotEmpty();
		return matching.getLast();
	}

	static String subject(MimeMessage m) {
		try {
			return m.getSubject();
		}
		catch (MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The path of the mail's link of a kind (confirm, booking, offer, evaluation). */
	static String link(MimeMessage mail, String kind) {
		Matcher m = LINK.matcher(text(mail));
		while (m.find()) {
			if (m.group(1).startsWith("/public/training/" + kind + "/")) {
				return m.group(1);
			}
		}
		throw new AssertionError("No " + kind + " link in: " + text(mail));
	}

	static String text(MimeMessage mail) {
		try {
			Object content = mail.getContent();
			if (content instanceof String s) {
				return s;
			}
			var mp = (Multipart) content;
			for (int i = 0; i < mp.getCount(); i++) {
				var part = mp.getBodyPart(i);
				if (part.isMimeType("text/plain") && part.getFileName() == null) {
					return (String) part.getContent();
				}
				if (part.getContent() instanceof Multipart inner) {
					for (int j = 0; j < inner.getCount(); j++) {
						if (inner.getBodyPart(j).isMimeType("text/plain")) {
							return (String) inner.getBodyPart(j).getContent();
						}
					}
				}
			}
			throw new AssertionError("no text part");
		}
		catch (IOException | MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	static byte[] attachment(MimeMessage mail, String name) {
		try {
			var mp = (Multipart) mail.getContent();
			for (int i = 0; i < mp.getCount(); i++) {
				Part part = mp.getBodyPart(i);
				if (name.equals(part.getFileName())) {
					try (InputStream in = part.getInputStream()) {
						var out = new ByteArrayOutputStream();
						in.transferTo(out);
						return out.toByteArray();
					}
				}
			}
			throw new AssertionError("no attachment " + name);
		}
		catch (IOException | MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	static String utf8(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
