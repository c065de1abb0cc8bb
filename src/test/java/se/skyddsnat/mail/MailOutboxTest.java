package se.skyddsnat.mail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import se.skyddsnat.scheduling.JobScheduler;
import se.skyddsnat.support.Concurrently;
import se.skyddsnat.support.DueJobs;
import se.skyddsnat.support.IntegrationTest;
import se.skyddsnat.support.MutableClock;

/**
 * The outbox against a real SMTP server (GreenMail, in this JVM, on a free port), with
 * the application's scheduler running its jobs when the test moves the clock: a queued
 * mail arrives with its subject, text, HTML and calendar file; a mail of a transaction
 * that rolls back never does; with the server down mails wait, their attempts counted,
 * and are sent once when it returns; two workers at once send each mail once; sent mails
 * go after 30 days, unsent ones stay.
 */
@Import(MailOutboxTest.StandingClock.class)
class MailOutboxTest extends IntegrationTest {

	private static final int SMTP_PORT = freePort();

	private static final String PUBLIC_URL = "https://skyddsnat.example.se";

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("skyddsnat.mail.from", () -> "Skyddsnät test <utskick@example.se>");
		registry.add("skyddsnat.public-url", () -> PUBLIC_URL + "/");
	}

	/**
	 * The application's clock, standing still until a test moves it (the scheduler reads
	 * it too).
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class StandingClock {

		@Bean
		@Primary
		MutableClock standingClock() {
			return MutableClock.startingNow();
		}

	}

	@Autowired
	Outbox outbox;

	@Autowired
	PublicUrl publicUrl;

	@Autowired
	MutableClock clock;

	@Autowired
	JobScheduler scheduler;

	@Autowired
	OutboxSender sender;

	@Autowired
	PlatformTransactionManager transactions;

	private final String to = "deltagare-" + UUID.randomUUID().toString().substring(0, 8) + "@example.se";

	/**
	 * A test that leaves a mail unsent (the server stopped) must not hand it to the next
	 * test's first attempt.
	 */
	@AfterEach
	void removeUnsentMails() {
		jdbc.sql("DELETE FROM mail.outbox WHERE state = 'pending'").update();
	}

	@Test
	void aQueuedMailArrivesWithItsSubjectTextHtmlAndCalendarFile() throws Exception {
		byte[] ics = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Skyddsnät//test//SV\r\nMETHOD:REQUEST\r\n"
				+ "BEGIN:VEVENT\r\nUID:session-12@skyddsnat.example.se\r\nDTSTAMP:20261202T080000Z\r\n"
				+ "DTSTART;TZID=Europe/Stockholm:20270115T090000\r\nDTEND;TZID=Europe/Stockholm:20270115T120000\r\n"
				+ "SUMMARY:Utbildning om människohandel\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
			.getBytes(UTF_8);
		String link = publicUrl.link("/public/training/12");
		long id = inTransaction(() -> outbox.queue(OutgoingMail
			.to(to, "Bekräfta din bokning – Åsa", "Hej!\n\nBekräfta din plats här: " + link + "\n\nVälkommen!")
			.withHtml("<p>Hej!</p><p><a href=\"" + link + "\">Bekräfta</a></p>")
			.withAttachment(new MailAttachment("kurs.ics", "text/calendar; charset=UTF-8; method=REQUEST", ics))));
		assertThat(link).isEqualTo(PUBLIC_URL + "/public/training/12");
		assertThat(received()).as("nothing before the worker runs").isEmpty();

		runOutbox();

		MimeMessage mail = single(received());
		assertThat(mail.getSubject()).isEqualTo("Bekräfta din bokning – Åsa");
		assertThat(mail.getFrom()[0].toString()).contains("utskick@example.se");
		assertThat(mail.getRecipients(Message.RecipientType.TO)[0].toString()).isEqualTo(to);
		assertThat(mail.getMessageID()).isEqualTo("<" + row(id, "message_id") + "@skyddsnat.example.se>");
		var parts = new Parts(mail);
		assertThat(parts.text).contains("Bekräfta din plats här: https://skyddsnat.example.se/public/training/12");
		assertThat(parts.html).contains("<a href=\"https://skyddsnat.example.se/public/training/12\">");
		assertThat(parts.attachments).hasSize(1);
		Part calendar = parts.attachments.getFirst();
		assertThat(calendar.getFileName()).isEqualTo("kurs.ics");
		assertThat(calendar.getContentType()).startsWith("text/calendar");
		byte[] arrived = bytes(calendar);
		assertThat(arrived).isEqualTo(ics);
		assertThat(new String(arrived, UTF_8)).contains("DTSTART;TZID=Europe/Stockholm:20270115T090000");

		assertThat(row(id, "state")).isEqualTo("sent");
		assertThat(row(id, "attempts")).isEqualTo("1");
		assertThat(row(id, "last_error")).isNull();
	}

	@Test
	void aMailQueuedInATransactionThatRollsBackIsNeverSent() {
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			outbox.queue(OutgoingMail.to(to, "Rullas tillbaka", "Detta brev ska aldrig skickas."));
			assertThat(mailsTo()).as("inside the transaction").isEqualTo(1);
			status.setRollbackOnly();
		});
		assertThat(mailsTo()).isZero();

		runOutbox();
		runOutbox();
		assertThat(received()).isEmpty();
	}

	@Test
	void withTheServerDownMailsWaitAndCountTheirAttemptsThenEachIsSentOnceWhenItReturns() throws Exception {
		smtp.stop();
		long first = inTransaction(() -> outbox.queue(OutgoingMail.to(to, "Första brevet", "Text ett.")));
		long second = inTransaction(() -> outbox.queue(OutgoingMail.to(to, "Andra brevet", "Text två.")));

		runOutbox();
		assertThat(row(first, "attempts")).isEqualTo("1");
		assertThat(row(first, "state")).isEqualTo("pending");
		assertThat(row(first, "last_error")).contains("MailSendException")
			.contains("ConnectException")
			.doesNotContain(to)
			.doesNotContain("brevet")
			.doesNotContain("Text");
		assertThat(jdbc.sql("SELECT next_attempt_at FROM mail.outbox WHERE id = ?")
			.param(first)
			.query(OffsetDateTime.class)
			.single()
			.toInstant()).as("the first retry a minute later")
			.isEqualTo(clock.instant().plus(Duration.ofMinutes(1)).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
		assertThat(row(second, "attempts")).as("a run stops at the first failure").isEqualTo("0");
		assertThat(http().json("GET", "/actuator/health", null, null).statusCode())
			.as("a mail server that is down does not take the node out of service")
			.isEqualTo(200);

		runOutbox();
		assertThat(row(second, "attempts")).isEqualTo("1");
		assertThat(row(first, "attempts")).as("not due again yet").isEqualTo("1");

		clock.advance(Duration.ofMinutes(1));
		runOutbox();
		runOutbox();
		assertThat(row(first, "attempts")).isEqualTo("2");
		assertThat(row(second, "attempts")).isEqualTo("2");
		assertThat(received()).isEmpty();

		smtp.start();
		clock.advance(Duration.ofMinutes(2));
		runOutbox();

		List<MimeMessage> arrived = received();
		assertThat(arrived).extracting(MimeMessage::getSubject).containsExactly("Första brevet", "Andra brevet");
		assertThat(row(first, "state")).isEqualTo("sent");
		assertThat(row(first, "attempts")).isEqualTo("3");
		assertThat(row(second, "state")).isEqualTo("sent");

		for (int i = 0; i < 3; i++) {
			clock.advance(Duration.ofHours(1));
			runOutbox();
		}
		assertThat(received()).as("nothing twice").hasSize(2);
	}

	@Test
	void twoWorkersAtOnceSendEachMailOnce() throws Exception {
		for (int i = 0; i < 20; i++) {
			int n = i;
			inTransaction(() -> outbox.queue(OutgoingMail.to(to, "Brev " + n, "Brev nummer " + n + ".")));
		}
		List<Integer> sent = Concurrently.together(2, () -> sender.sendDue());

		assertThat(sent.get(0) + sent.get(1)).isEqualTo(20);
		assertThat(received()).extracting(MimeMessage::getSubject).hasSize(20).doesNotHaveDuplicates();
		assertThat(jdbc.sql("SELECT count(*) FROM mail.outbox WHERE recipient = ? AND state = 'sent' AND attempts = 1")
			.param(to)
			.query(Long.class)
			.single()).isEqualTo(20);
	}

	@Test
	void sentMailsAreDeletedAfterThirtyDaysAndUnsentOnesAreKept() {
		long old = inTransaction(() -> outbox.queue(OutgoingMail.to(to, "Gammalt brev", "Skickat för länge sedan.")
			.withAttachment(new MailAttachment("intyg.txt", "text/plain", "intyg".getBytes(UTF_8)))));
		runOutbox();
		clock.advance(Duration.ofDays(2));
		long recent = inTransaction(() -> outbox.queue(OutgoingMail.to(to, "Nyare brev", "Skickat nyss.")));
		runOutbox();
		assertThat(row(old, "state")).isEqualTo("sent");
		assertThat(row(recent, "state")).isEqualTo("sent");
		smtp.stop();
		long unsent = inTransaction(() -> outbox.queue(OutgoingMail.to(to, "Oskickat brev", "Väntar på servern.")));

		clock.advance(Duration.ofDays(29));
		runOutbox();

		assertThat(jdbc.sql("SELECT id FROM mail.outbox WHERE recipient = ? ORDER BY id")
			.param(to)
			.query(Long.class)
			.list()).containsExactly(recent, unsent);
		assertThat(jdbc.sql("SELECT count(*) FROM mail.outbox_attachments WHERE mail_id = ?")
			.param(old)
			.query(Long.class)
			.single()).as("its attachment went with it").isZero();
		assertThat(row(unsent, "state")).isEqualTo("pending");
		assertThat(jdbc.sql("""
				SELECT count(*) FROM audit.audit_log
				 WHERE kind = 'CHANGE' AND actor = 'system' AND subject_type = 'outbox mail'
				   AND details LIKE 'outbox.retention|%'""").query(Long.class).single()) // issue
																							// 11:
																							// structured
																							// details
			.isPositive();
	}

	/** The send interval passes, and the scheduler runs what is due. */
	private void runOutbox() {
		clock.advance(Duration.ofSeconds(11));
		DueJobs.run(scheduler, jdbc, clock, List.of(OutboxJobs.SEND, OutboxJobs.RETENTION));
	}

	private long inTransaction(java.util.function.LongSupplier work) {
		return new TransactionTemplate(transactions).execute(status -> work.getAsLong());
	}

	private List<MimeMessage> received() {
		return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
			try {
				return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(to);
			}
			catch (MessagingException e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	private long mailsTo() {
		return jdbc.sql("SELECT count(*) FROM mail.outbox WHERE recipient = ?").param(to).query(Long.class).single();
	}

	private String row(long id, String column) {
		return jdbc.sql("SELECT " + column + "::text FROM mail.outbox WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private static MimeMessage single(List<MimeMessage> messages) {
		assertThat(messages).hasSize(1);
		return messages.getFirst();
	}

	/**
	 * The text, HTML and attachments of a received MIME message, found by walking its
	 * parts.
	 */
	private static final class Parts {

		String text;

		String html;

		final List<Part> attachments = new ArrayList<>();

		Parts(Part message) throws MessagingException, IOException {
			walk(message);
		}

		private void walk(Part part) throws MessagingException, IOException {
			if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart child = multipart.getBodyPart(i);
					walk(child);
				}
			}
			else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
				attachments.add(part);
			}
			else if (part.isMimeType("text/plain")) {
				text = (String) part.getContent();
			}
			else if (part.isMimeType("text/html")) {
				html = (String) part.getContent();
			}
		}

	}

	private static byte[] bytes(Part part) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream(); var out = new ByteArrayOutputStream()) {
			in.transferTo(out);
			return out.toByteArray();
		}
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

}
