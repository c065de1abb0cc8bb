package se.skyddsnat.mail;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * A mail to queue in the {@link Outbox}: one recipient's address, a subject, a plain-text
 * body, optionally an HTML body (sent as an alternative to the text) and attachments
 * (e.g. an {@code .ics} calendar file). <pre>{@code
 * outbox.queue(OutgoingMail.to(email, subject, text).withAttachment(new MailAttachment("kurs.ics", "text/calendar", ics)));
 * }</pre> Bounds, checked here (a value outside them is a programming error: validate
 * what people type before): the address a single plain address of at most 254 characters;
 * the subject 1-255 characters without control characters (no header can be smuggled in);
 * the text at most 100 000 characters, the HTML at most 200 000; at most 10 attachments
 * of at most {@value MailAttachment#MAX_TOTAL_BYTES} bytes together. A refusal names the
 * field, never its value. {@link #toString()} shows neither address nor content.
 */
public record OutgoingMail(String to, String subject, String text, String html, List<MailAttachment> attachments) {

	public static final int MAX_ADDRESS = 254;

	public static final int MAX_SUBJECT = 255;

	public static final int MAX_TEXT = 100_000;

	public static final int MAX_HTML = 200_000;

	public static final int MAX_ATTACHMENTS = 10;

	public OutgoingMail {
		if (to == null || to.length() > MAX_ADDRESS || !isPlainAddress(to)) {
			throw new IllegalArgumentException("OutgoingMail: to must be one e-mail address of at most 254 characters");
		}
		if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT
				|| subject.chars().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException(
					"OutgoingMail: subject must be 1-255 characters without control characters");
		}
		if (text == null || text.length() > MAX_TEXT || hasControl(text)) {
			throw new IllegalArgumentException("OutgoingMail: text is required, at most 100 000 characters, and "
					+ "without control characters other than tab and line breaks");
		}
		if (html != null && (html.length() > MAX_HTML || hasControl(html))) {
			throw new IllegalArgumentException("OutgoingMail: html must be at most 200 000 characters, without "
					+ "control characters other than tab and line breaks");
		}
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
		if (attachments.size() > MAX_ATTACHMENTS) {
			throw new IllegalArgumentException("OutgoingMail: at most 10 attachments");
		}
		long total = attachments.stream().mapToLong(MailAttachment::size).sum();
		if (total > MailAttachment.MAX_TOTAL_BYTES) {
			throw new IllegalArgumentException("OutgoingMail: the attachments may have at most "
					+ MailAttachment.MAX_TOTAL_BYTES + " bytes together");
		}
	}

	/** A plain-text mail. */
	public static OutgoingMail to(String to, String subject, String text) {
		return new OutgoingMail(to, subject, text, null, List.of());
	}

	/**
	 * The same mail with an HTML body beside the text (the text stays: it is what plain
	 * mail readers show).
	 */
	public OutgoingMail withHtml(String html) {
		return new OutgoingMail(to, subject, text, html, attachments);
	}

	/** The same mail with one more attachment. */
	public OutgoingMail withAttachment(MailAttachment attachment) {
		var more = new ArrayList<>(attachments);
		more.add(attachment);
		return new OutgoingMail(to, subject, text, html, more);
	}

	/** Never the address, subject or content: they are personal data. */
	@Override
	public String toString() {
		return "OutgoingMail[" + attachments.size() + " attachment(s)" + (html != null ? ", with HTML" : "") + "]";
	}

	private static boolean isPlainAddress(String value) {
		if (value.chars().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
			return false;
		}
		try {
			var address = new InternetAddress(value, true);
			return address.getPersonal() == null && value.equals(address.getAddress()) && value.indexOf('@') > 0
					&& value.indexOf('@') < value.length() - 1;
		}
		catch (AddressException e) {
			return false;
		}
	}

	private static boolean hasControl(String s) {
		return s.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r');
	}
}
