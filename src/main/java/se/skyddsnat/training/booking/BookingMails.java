package se.skyddsnat.training.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import se.skyddsnat.mail.MailAttachment;
import se.skyddsnat.mail.Outbox;
import se.skyddsnat.mail.OutgoingMail;
import se.skyddsnat.mail.PublicUrl;
import se.skyddsnat.training.course.Session;

/**
 * The mails to participants, in the language they booked in, queued in the outbox in the
 * caller's transaction. Links come from {@link PublicUrl}; the meeting link of a digital
 * session is only in mails to those with a seat.
 */
@Component
public class BookingMails {

	static final String CALENDAR_TYPE = "text/calendar; charset=UTF-8";

	private final Outbox outbox;

	private final PublicUrl urls;

	private final MessageSource messages;

	private final Clock clock;

	private final County county;

	BookingMails(Outbox outbox, PublicUrl urls, MessageSource messages, Clock clock, County county) {
		this.county = county;
		this.outbox = outbox;
		this.urls = urls;
		this.messages = messages;
		this.clock = clock;
	}

	static Locale locale(String lang) {
		return Locale.forLanguageTag("en".equals(lang) ? "en" : "sv");
	}

	private String msg(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	String text(Locale locale, String key, Object... args) {
		return msg(locale, key, args);
	}

	/** The municipality's name for a code ("annan": another), for the sign-in sheet. */
	String municipalityName(String code, Locale locale) {
		if ("annan".equals(code)) {
			return msg(locale, "training.municipality.other");
		}
		return county.name(code);
	}

	/** "15 januari 2027, 09:00–12:00". */
	String when(Session s, Locale locale) {
		return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(s.start()) + ", "
				+ DateTimeFormatter.ofPattern("HH:mm").format(s.start()) + "–"
				+ DateTimeFormatter.ofPattern("HH:mm").format(s.end());
	}

	private String where(Session s, Locale locale, boolean withLink) {
		if (!s.digital()) {
			return s.place();
		}
		return withLink ? msg(locale, "training.mail.digitalWithLink", s.meetingLink())
				: msg(locale, "training.mail.digitalNoLink");
	}

	private String about(Session s, Locale locale, boolean withLink) {
		return msg(locale, "training.mail.about", s.course().title(), when(s, locale), where(s, locale, withLink));
	}

	private void send(Booking b, String subjectKey, String text, MailAttachment attachment, Session s) {
		Locale locale = locale(b.lang());
		var mail = OutgoingMail.to(b.email(), msg(locale, subjectKey, s.course().title()),
				msg(locale, "training.mail.hello", b.name()) + "\n\n" + text + "\n\n"
						+ msg(locale, "training.mail.signature"));
		outbox.queue(attachment == null ? mail : mail.withAttachment(attachment));
	}

	private MailAttachment calendar(Session s, Locale locale, boolean cancelled) {
		String location = s.digital() ? s.meetingLink() : s.place();
		return new MailAttachment("utbildning.ics", CALENDAR_TYPE + "; method=" + (cancelled ? "CANCEL" : "PUBLISH"),
				Calendar.ics(s, host(), s.course().title(), location, about(s, locale, true), cancelled,
						clock.instant()));
	}

	private String host() {
		return java.net.URI.create(urls.base()).getHost();
	}

	String link(String path) {
		return urls.link(path);
	}

	void confirm(Booking b, Session s, String confirmToken) {
		Locale l = locale(b.lang());
		send(b, "training.mail.confirm.subject", msg(l, "training.mail.confirm.text", about(s, l, false),
				link("/public/training/confirm/" + confirmToken)), null, s);
	}

	void alreadyBooked(Booking existing, Session s) {
		Locale l = locale(existing.lang());
		send(existing, "training.mail.already.subject", msg(l, "training.mail.already.text", about(s, l, false)), null,
				s);
	}

	void booked(Booking b, Session s, String manageToken, boolean fromWaitlist) {
		Locale l = locale(b.lang());
		send(b, fromWaitlist ? "training.mail.promoted.subject" : "training.mail.booked.subject",
				msg(l, fromWaitlist ? "training.mail.promoted.text" : "training.mail.booked.text", about(s, l, true),
						link("/public/training/booking/" + manageToken)),
				calendar(s, l, false), s);
	}

	void waitlisted(Booking b, Session s, String manageToken) {
		Locale l = locale(b.lang());
		send(b, "training.mail.waitlisted.subject", msg(l, "training.mail.waitlisted.text", about(s, l, false),
				link("/public/training/booking/" + manageToken)), null, s);
	}

	void offer(Booking b, Session s, String offerToken, Instant expires) {
		Locale l = locale(b.lang());
		String until = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", l).format(expires.atZone(Session.ZONE));
		send(b, "training.mail.offer.subject", msg(l, "training.mail.offer.text", about(s, l, false), until,
				link("/public/training/offer/" + offerToken)), null, s);
	}

	void offerExpired(Booking b, Session s) {
		Locale l = locale(b.lang());
		send(b, "training.mail.expired.subject", msg(l, "training.mail.expired.text", about(s, l, false)), null, s);
	}

	void cancelled(Booking b, Session s) {
		Locale l = locale(b.lang());
		send(b, "training.mail.cancelled.subject", msg(l, "training.mail.cancelled.text", about(s, l, false)), null, s);
	}

	void sessionChanged(Booking b, Session s, String manageToken) {
		Locale l = locale(b.lang());
		boolean seat = b.state().holdsSeat();
		send(b, "training.mail.changed.subject", msg(l, "training.mail.changed.text", about(s, l, seat),
				link("/public/training/booking/" + manageToken)), seat ? calendar(s, l, false) : null, s);
	}

	void sessionCancelled(Booking b, Session s) {
		Locale l = locale(b.lang());
		boolean seat = b.state().holdsSeat();
		send(b, "training.mail.sessionCancelled.subject",
				msg(l, "training.mail.sessionCancelled.text", about(s, l, false)), seat ? calendar(s, l, true) : null,
				s);
	}

	void reminder(Booking b, Session s, String manageToken) {
		Locale l = locale(b.lang());
		send(b, "training.mail.reminder.subject", msg(l, "training.mail.reminder.text", about(s, l, true),
				link("/public/training/booking/" + manageToken)), null, s);
	}

	void evaluation(Booking b, Session s, String token) {
		Locale l = locale(b.lang());
		send(b, "training.mail.evaluation.subject", msg(l, "training.mail.evaluation.text", s.course().title(),
				link("/public/training/evaluation/" + token)), null, s);
	}

	void certificate(Booking b, Session s, byte[] pdf) {
		Locale l = locale(b.lang());
		send(b, "training.mail.certificate.subject", msg(l, "training.mail.certificate.text", s.course().title()),
				new MailAttachment(msg(l, "training.certificate.file"), "application/pdf", pdf), s);
	}

}
