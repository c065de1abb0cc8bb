package se.skyddsnat.mail;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A mail's bounds: no header can be smuggled in, nothing unbounded is queued, and a
 * refusal never quotes the value.
 */
class OutgoingMailTest {

	@Test
	void aPlainMailWithHtmlAndAnAttachment() {
		var mail = OutgoingMail.to("kim@example.se", "Ämne", "Text\n\tmed radbrytning")
			.withHtml("<p>Text</p>")
			.withAttachment(
					new MailAttachment("kurs.ics", "text/calendar; charset=UTF-8", "BEGIN:VCALENDAR".getBytes(UTF_8)));
		assertThat(mail.attachments()).hasSize(1);
		assertThat(mail.toString()).doesNotContain("kim").doesNotContain("Ämne").doesNotContain("Text");
		assertThat(mail.attachments().getFirst().toString()).doesNotContain("kurs");
	}

	@Test
	void headersCannotBeSmuggledIn() {
		assertRefused(() -> OutgoingMail.to("kim@example.se", "Hej\r\nBcc: other@example.se", "t"), "subject");
		assertRefused(() -> OutgoingMail.to("kim@example.se\r\nBcc: other@example.se", "Hej", "t"), "to");
		assertRefused(() -> OutgoingMail.to("kim@example.se, other@example.se", "Hej", "t"), "to");
		assertRefused(() -> OutgoingMail.to("Kim <kim@example.se>", "Hej", "t"), "to");
		assertRefused(() -> new MailAttachment("a\r\nb.ics", "text/calendar", new byte[1]), "fileName");
		assertRefused(() -> new MailAttachment("../../etc/passwd", "text/plain", new byte[1]), "fileName");
		assertRefused(() -> new MailAttachment("a.ics", "text/calendar\r\nX-Evil: 1", new byte[1]), "contentType");
	}

	@Test
	void everythingIsBounded() {
		assertRefused(() -> OutgoingMail.to("not an address", "Hej", "t"), "to");
		assertRefused(() -> OutgoingMail.to("a".repeat(250) + "@example.se", "Hej", "t"), "to");
		assertRefused(() -> OutgoingMail.to("kim@example.se", " ", "t"), "subject");
		assertRefused(() -> OutgoingMail.to("kim@example.se", "x".repeat(256), "t"), "subject");
		assertRefused(() -> OutgoingMail.to("kim@example.se", "Hej", "x".repeat(100_001)), "text");
		assertRefused(() -> OutgoingMail.to("kim@example.se", "Hej", "nul\u0000"), "text");
		assertRefused(() -> OutgoingMail.to("kim@example.se", "Hej", "t").withHtml("x".repeat(200_001)), "html");
		var big = new MailAttachment("big.bin", "application/octet-stream", new byte[6 * 1024 * 1024]);
		assertRefused(() -> OutgoingMail.to("kim@example.se", "Hej", "t").withAttachment(big).withAttachment(big),
				"attachments");
		var small = new MailAttachment("a.txt", "text/plain", new byte[1]);
		assertRefused(
				() -> new OutgoingMail("kim@example.se", "Hej", "t", null, java.util.Collections.nCopies(11, small)),
				"attachments");
		assertThat(new OutgoingMail("kim@example.se", "Hej", "t", null, List.of()).attachments()).isEmpty();
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
		assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining(field)
			.hasMessageNotContaining("example.se")
			.hasMessageNotContaining("Bcc")
			.hasMessageNotContaining("passwd");
	}

}
