package se.skyddsnat.mail;

import java.util.Arrays;

import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;

/**
 * A file sent with a mail, e.g.
 * {@code new MailAttachment("kurs.ics", "text/calendar; charset=UTF-8; method=REQUEST",
 * bytes)}. The file name is at most 255 characters without control characters, slashes or
 * quotes; the content type is a MIME type; the bytes are copied (a caller's later change
 * does not reach the outbox).
 */
public record MailAttachment(String fileName, String contentType, byte[] content) {

	/** The most bytes all of a mail's attachments may have together. */
	public static final int MAX_TOTAL_BYTES = 10 * 1024 * 1024;

	public MailAttachment {
		if (fileName == null || fileName.isBlank() || fileName.length() > 255
				|| fileName.chars().anyMatch(c -> Character.isISOControl(c) || c == '/' || c == '\\' || c == '"')) {
			throw new IllegalArgumentException("MailAttachment: fileName must be 1-255 characters without control "
					+ "characters, slashes or quotes");
		}
		if (contentType == null || contentType.length() > 255 || !isMimeType(contentType)) {
			throw new IllegalArgumentException(
					"MailAttachment: contentType must be a MIME type of at most 255 characters");
		}
		if (content == null) {
			throw new IllegalArgumentException("MailAttachment: content is required");
		}
		if (content.length > MAX_TOTAL_BYTES) {
			throw new IllegalArgumentException("MailAttachment: content may be at most " + MAX_TOTAL_BYTES + " bytes");
		}
		content = content.clone();
	}

	/** A copy of the bytes. */
	@Override
	public byte[] content() {
		return content.clone();
	}

	int size() {
		return content.length;
	}

	byte[] bytes() {
		return content;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof MailAttachment a && fileName.equals(a.fileName) && contentType.equals(a.contentType)
				&& Arrays.equals(content, a.content);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * fileName.hashCode() + contentType.hashCode()) + Arrays.hashCode(content);
	}

	/** Never the file's name or bytes (a file name may name a person). */
	@Override
	public String toString() {
		return "MailAttachment[" + content.length + " bytes]";
	}

	private static boolean isMimeType(String value) {
		if (value.chars().anyMatch(Character::isISOControl)) {
			return false;
		}
		try {
			var type = new ContentType(value);
			return !type.getPrimaryType().isEmpty() && !type.getSubType().isEmpty();
		}
		catch (ParseException e) {
			return false;
		}
	}
}
