package se.skyddsnat.training.booking;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import se.skyddsnat.training.course.Session;

/**
 * A session as an iCalendar file (RFC 5545), written by hand: one VEVENT with its local
 * times in Europe/Stockholm (TZID) and the VTIMEZONE that defines them (CET/CEST, the EU
 * rule). Lines end in CRLF and are folded at 75 octets; text values are escaped.
 */
final class Calendar {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private Calendar() {
	}

	/**
	 * {@code cancelled}: METHOD:CANCEL with STATUS:CANCELLED, so calendars remove the
	 * event.
	 */
	static byte[] ics(Session s, String host, String summary, String location, String description, boolean cancelled,
			Instant now) {
		var out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//Skyddsnat//Training//SV");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "METHOD:" + (cancelled ? "CANCEL" : "PUBLISH"));
		line(out, "BEGIN:VTIMEZONE");
		line(out, "TZID:Europe/Stockholm");
		line(out, "BEGIN:DAYLIGHT");
		line(out, "TZOFFSETFROM:+0100");
		line(out, "TZOFFSETTO:+0200");
		line(out, "TZNAME:CEST");
		line(out, "DTSTART:19700329T020000");
		line(out, "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
		line(out, "END:DAYLIGHT");
		line(out, "BEGIN:STANDARD");
		line(out, "TZOFFSETFROM:+0200");
		line(out, "TZOFFSETTO:+0100");
		line(out, "TZNAME:CET");
		line(out, "DTSTART:19701025T030000");
		line(out, "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
		line(out, "END:STANDARD");
		line(out, "END:VTIMEZONE");
		line(out, "BEGIN:VEVENT");
		line(out, "UID:training-session-" + s.id() + "@" + host);
		line(out, "DTSTAMP:" + UTC.format(now));
		// a later version of the same event (changed, cancelled) has a higher sequence:
		// minutes since 2020
		line(out, "SEQUENCE:" + Math.max(0, (now.getEpochSecond() - 1_577_836_800L) / 60));
		line(out, "DTSTART;TZID=Europe/Stockholm:" + LOCAL.format(s.start().toLocalDateTime()));
		line(out, "DTEND;TZID=Europe/Stockholm:" + LOCAL.format(s.end().toLocalDateTime()));
		line(out, "SUMMARY:" + text(summary));
		if (location != null) {
			line(out, "LOCATION:" + text(location));
		}
		if (description != null) {
			line(out, "DESCRIPTION:" + text(description));
		}
		line(out, "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
		line(out, "TRANSP:OPAQUE");
		line(out, "END:VEVENT");
		line(out, "END:VCALENDAR");
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** RFC 5545 3.3.11: backslash, semicolon, comma escaped; line breaks as \n. */
	static String text(String value) {
		return value.replace("\\", "\\\\")
			.replace(";", "\\;")
			.replace(",", "\\,")
			.replace("\r\n", "\\n")
			.replace("\n", "\\n")
			.replace("\r", "\\n");
	}

	/**
	 * One content line, folded after 75 octets (never inside a UTF-8 character), with
	 * CRLF.
	 */
	private static void line(StringBuilder out, String content) {
		int octets = 0;
		int i = 0;
		while (i < content.length()) {
			int cp = content.codePointAt(i);
			int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > 75) {
				out.append("\r\n ");
				octets = 1;
			}
			out.appendCodePoint(cp);
			octets += size;
			i += Character.charCount(cp);
		}
		out.append("\r\n");
	}

}
