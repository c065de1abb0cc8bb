package se.skyddsnat.training.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.shared.Input;
import se.skyddsnat.training.Profession;
import se.skyddsnat.training.TrainingLimits;
import se.skyddsnat.training.course.CourseService;
import se.skyddsnat.training.course.CourseStore;
import se.skyddsnat.training.course.Session;
import se.skyddsnat.training.course.SessionChanged;

/**
 * Bookings, the waitlist and the organiser's list (see the package documentation). Every
 * method that decides about seats locks the session's row first and runs in one
 * transaction with the mails it queues.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Bookings {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

	private static final Duration SHORTEST_OFFER = Duration.ofMinutes(30);

	private final BookingStore store;

	private final CourseStore courses;

	private final CourseService courseService;

	private final BookingMails mails;

	private final TrainingProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	/**
	 * A session as the public page shows it: whether it can be booked, the seats free for
	 * anyone, the waitlist.
	 */
	public record PublicSession(Session session, boolean bookable, int freeSeats, boolean waitlistOnly) {
	}

	/** The published session, or empty (a draft or unknown id is not shown). */
	@Transactional(readOnly = true)
	public Optional<PublicSession> publicSession(long id) {
		return courses.session(id).filter(s -> s.published() || s.cancelled()).map(this::shown);
	}

	@Transactional(readOnly = true)
	public List<PublicSession> bookable() {
		Instant now = clock.instant();
		return courses.bookable(now, LocalDate.ofInstant(now, Session.ZONE)).stream().map(this::shown).toList();
	}

	private PublicSession shown(Session s) {
		int free = Seats.freeForAnyone(s, store.taken(s.id()));
		return new PublicSession(s, s.bookable(clock.instant()), free, free == 0 || store.anyoneWaiting(s.id()));
	}

	/** The form's fields as typed. */
	public record BookingInput(String name, String email, String municipality, String organisation, String role,
			String needs) {
	}

	/**
	 * A booking from the public form: checked, counted by the spam guard, kept
	 * unconfirmed (no seat) with a confirmation link mailed. The same answer whether or
	 * not the e-mail had booked already (then a note goes to it instead): the page
	 * reveals nothing about who booked.
	 */
	@Transactional
	public void book(long sessionId, BookingInput input, Set<String> municipalities, String address, String lang) {
		Instant now = clock.instant();
		Session s = courses.lockSession(sessionId)
			.filter(x -> x.bookable(now))
			.orElseThrow(() -> se.skyddsnat.shared.InvalidInput.of("session", "training.error.notBookable"));
		var in = Input.of(clock);
		String name = in.required("name", input.name(), TrainingLimits.PARTICIPANT_NAME, "training.error.name");
		String email = in.required("email", input.email(), TrainingLimits.PARTICIPANT_EMAIL, "training.error.email");
		if (email != null && !EMAIL.matcher(email).matches()) {
			in.reject("email", "training.error.email");
		}
		String m = Input.blankToNull(input.municipality());
		if (m == null || !(m.equals("annan") || municipalities.contains(m))) {
			in.reject("municipality", "training.error.municipality");
		}
		String organisation = in.required("organisation", input.organisation(), TrainingLimits.PARTICIPANT_ORGANISATION,
				"training.error.organisation");
		Profession role = in.requiredCode("role", input.role(), Profession.class, "training.error.role");
		String needs = in.text("needs", input.needs(), TrainingLimits.PARTICIPANT_NEEDS);
		in.check();
		guard(address, email, now);
		String language = "en".equals(lang) ? "en" : "sv";
		if (store.hasActive(sessionId, email)) {
			var existing = store.ofSession(sessionId)
				.stream()
				.filter(b -> b.state().active() && b.email().equalsIgnoreCase(email))
				.findFirst()
				.orElseThrow();
			mails.alreadyBooked(existing, s);
			return;
		}
		long id = store
			.insert(new BookingStore.NewBooking(sessionId, name, email, m, organisation, role, needs, language), now);
		String token = token(id, "confirm", now.plus(properties.confirmWithin()));
		mails.confirm(store.find(id).orElseThrow(), s, token);
	}

	/**
	 * The spam guard: at most so many bookings an hour from one address and for one
	 * e-mail.
	 */
	private void guard(String address, String email, Instant now) {
		byte[] byAddress = Tokens.sha256("address:" + address);
		byte[] byEmail = Tokens.sha256("email:" + email.toLowerCase(java.util.Locale.ROOT));
		Instant hourAgo = now.minus(Duration.ofHours(1));
		if (store.attemptsSince(byAddress, hourAgo) >= properties.bookingsPerAddress()
				|| store.attemptsSince(byEmail, hourAgo) >= properties.bookingsPerEmail()) {
			throw new BookingRefused();
		}
		store.attempt(byAddress, now);
		store.attempt(byEmail, now);
	}

	private String token(long bookingId, String purpose, Instant expires) {
		String token = Tokens.random();
		store.insertToken(Tokens.hash(token), bookingId, purpose, expires);
		return token;
	}

	/** A valid token of the purpose: not used, not expired. */
	private Optional<BookingStore.TokenRow> valid(String token, String purpose, Instant now) {
		byte[] hash = Tokens.hash(token);
		if (hash == null) {
			return Optional.empty();
		}
		return store.token(hash, purpose)
			.filter(t -> t.usedAt() == null && (t.expiresAt() == null || now.isBefore(t.expiresAt())));
	}

	/** What a link led to. */
	public record Outcome(BookingState state, Session session) {
	}

	/** Whether the confirmation link is still good (the page with its button). */
	@Transactional(readOnly = true)
	public Optional<Session> confirmable(String token) {
		return valid(token, "confirm", clock.instant()).flatMap(t -> store.find(t.bookingId()))
			.filter(b -> b.state() == BookingState.UNCONFIRMED)
			.flatMap(b -> courses.session(b.sessionId()));
	}

	/**
	 * Confirms the booking: a seat when one is free and nobody waits, else the waitlist.
	 */
	@Transactional
	public Optional<Outcome> confirm(String token) {
		Instant now = clock.instant();
		var row = valid(token, "confirm", now);
		if (row.isEmpty()) {
			return Optional.empty();
		}
		Booking b = store.find(row.get().bookingId()).orElseThrow();
		Session s = courses.lockSession(b.sessionId()).orElseThrow();
		if (b.state() != BookingState.UNCONFIRMED || !s.published() || !now.isBefore(s.startsAt())) {
			return Optional.empty();
		}
		store.useToken(Tokens.hash(token), now);
		boolean seat = !store.anyoneWaiting(s.id()) && Seats.freeFor(s, b.municipality(), store.taken(s.id())) > 0;
		BookingState state = seat ? BookingState.BOOKED : BookingState.WAITLISTED;
		store.confirm(b.id(), state, now);
		Booking confirmed = store.find(b.id()).orElseThrow();
		String manage = token(b.id(), "manage", null);
		if (seat) {
			mails.booked(confirmed, s, manage, false);
		}
		else {
			mails.waitlisted(confirmed, s, manage);
			fill(s, now);
		}
		return Optional.of(new Outcome(store.find(b.id()).orElseThrow().state(), s));
	}

	/** A booking as its person sees it through the manage link. */
	public record Mine(Booking booking, Session session, boolean mayCertificate) {
	}

	@Transactional(readOnly = true)
	public Optional<Mine> mine(String token) {
		return valid(token, "manage", clock.instant()).flatMap(t -> store.find(t.bookingId()))
			.map(b -> new Mine(b, courses.session(b.sessionId()).orElseThrow(), b.state() == BookingState.ATTENDED));
	}

	/** Cancels the booking of the manage link; a freed seat goes to the waitlist. */
	@Transactional
	public Optional<Mine> cancel(String token) {
		Instant now = clock.instant();
		var row = valid(token, "manage", now);
		if (row.isEmpty()) {
			return Optional.empty();
		}
		Booking b = store.find(row.get().bookingId()).orElseThrow();
		Session s = courses.lockSession(b.sessionId()).orElseThrow();
		if (b.state() != BookingState.CANCELLED && b.state() != BookingState.ATTENDED) {
			cancelBooking(b, s, now);
			mails.cancelled(b, s);
		}
		return mine(token);
	}

	private void cancelBooking(Booking b, Session s, Instant now) {
		store.openOffer(b.id()).ifPresent(o -> store.decideOffer(o.id(), "withdrawn", now));
		store.setState(b.id(), BookingState.CANCELLED, now);
		if (b.state().holdsSeat()) {
			fill(s, now);
		}
	}

	/**
	 * Cancels and deletes the booking of the manage link with all its data; audited as a
	 * count.
	 */
	@Transactional
	public boolean deleteMine(String token) {
		Instant now = clock.instant();
		var row = valid(token, "manage", now);
		if (row.isEmpty()) {
			return false;
		}
		Booking b = store.find(row.get().bookingId()).orElseThrow();
		Session s = courses.lockSession(b.sessionId()).orElseThrow();
		if (b.state() == BookingState.ATTENDED) {
			// an attendance is a count the session keeps: the data goes, the count stays
			store.purgeOne(b.id());
		}
		else {
			if (b.state() != BookingState.CANCELLED) {
				cancelBooking(b, s, now);
			}
			store.delete(b.id());
		}
		audit.record(AuditEvent.of(AuditKind.CHANGE)
			.actor("participant")
			.subject(AuditSubject.TRAINING_SESSION, s.id())
			.details("a participant deleted their booking: 1 booking's personal data deleted"));
		return true;
	}

	/** An offer as its link shows it. */
	public record OfferView(Booking booking, Session session, Instant expiresAt) {
	}

	@Transactional(readOnly = true)
	public Optional<OfferView> offer(String token) {
		Instant now = clock.instant();
		return valid(token, "offer", now).flatMap(t -> store.find(t.bookingId()))
			.filter(b -> b.state() == BookingState.OFFERED)
			.flatMap(b -> store.openOffer(b.id())
				.filter(o -> now.isBefore(o.expiresAt()))
				.map(o -> new OfferView(b, courses.session(b.sessionId()).orElseThrow(), o.expiresAt())));
	}

	/**
	 * Accepts (books the seat) or declines (passes it on) the offer of the link; empty
	 * when it no longer stands.
	 */
	@Transactional
	public Optional<Outcome> answerOffer(String token, boolean accept) {
		Instant now = clock.instant();
		var row = valid(token, "offer", now);
		if (row.isEmpty()) {
			return Optional.empty();
		}
		Booking b = store.find(row.get().bookingId()).orElseThrow();
		Session s = courses.lockSession(b.sessionId()).orElseThrow();
		var open = store.openOffer(b.id()).filter(o -> now.isBefore(o.expiresAt()));
		if (b.state() != BookingState.OFFERED || open.isEmpty() || s.cancelled()) {
			return Optional.empty();
		}
		store.useToken(Tokens.hash(token), now);
		if (accept) {
			store.decideOffer(open.get().id(), "accepted", now);
			store.setState(b.id(), BookingState.BOOKED, now);
			mails.booked(store.find(b.id()).orElseThrow(), s, token(b.id(), "manage", null), true);
		}
		else {
			store.decideOffer(open.get().id(), "declined", now);
			store.setState(b.id(), BookingState.CANCELLED, now);
			mails.cancelled(b, s);
			fill(s, now);
		}
		return Optional.of(new Outcome(store.find(b.id()).orElseThrow().state(), s));
	}

	/**
	 * Offers the free seats to the waitlist, first in line first (a person for whom no
	 * free seat fits, the seats being held for other municipalities, is passed over for
	 * that seat only). The session's row is locked.
	 */
	void fill(Session s, Instant now) {
		if (!s.published() || !now.isBefore(s.startsAt())) {
			return;
		}
		Duration left = Duration.between(now, s.startsAt());
		Duration valid = properties.offerValidity().compareTo(left.dividedBy(2)) < 0 ? properties.offerValidity()
				: left.dividedBy(2);
		if (valid.compareTo(SHORTEST_OFFER) < 0) {
			return;
		}
		Map<String, Integer> taken = store.taken(s.id());
		for (Booking w : store.waiting(s.id())) {
			if (Seats.freeFor(s, w.municipality(), taken) > 0) {
				Instant expires = now.plus(valid);
				store.setState(w.id(), BookingState.OFFERED, now);
				store.insertOffer(s.id(), w.id(), now, expires);
				mails.offer(w, s, token(w.id(), "offer", expires), expires);
				taken.merge(w.municipality(), 1, Integer::sum);
			}
		}
	}

	// the jobs' work, each item in a transaction of its own (called through TrainingJobs)

	@Transactional
	public int lapseUnconfirmed() {
		Instant now = clock.instant();
		int deleted = store.deleteUnconfirmedBefore(now.minus(properties.confirmWithin()));
		store.deleteAttemptsBefore(now.minus(Duration.ofDays(1)));
		if (deleted > 0) {
			audit.record(AuditEvent.of(AuditKind.CHANGE)
				.actor("system")
				.subject(AuditSubject.TRAINING_SESSION, null)
				.details("lapse: " + deleted + " unconfirmed booking(s) deleted after " + properties.confirmWithin()));
		}
		return deleted;
	}

	List<BookingStore.OpenOffer> dueOffers() {
		return store.dueOffers(clock.instant());
	}

	/** Expires one offer if it is still open and due, and passes the seat on. */
	@Transactional
	public void expire(BookingStore.OpenOffer offer) {
		Instant now = clock.instant();
		Session s = courses.lockSession(offer.sessionId()).orElseThrow();
		var open = store.openOffer(offer.bookingId());
		if (open.isEmpty() || open.get().id() != offer.id() || now.isBefore(open.get().expiresAt())) {
			return;
		}
		Booking b = store.find(offer.bookingId()).orElseThrow();
		store.decideOffer(offer.id(), "expired", now);
		store.setState(b.id(), BookingState.CANCELLED, now);
		mails.offerExpired(b, s);
		fill(s, now);
	}

	List<Long> sessionsToRelease() {
		Instant now = clock.instant();
		return store.sessionsToRelease(now, LocalDate.ofInstant(now, Session.ZONE));
	}

	/** Releases the session's held seats to everyone and offers them to the waitlist. */
	@Transactional
	public void release(long sessionId) {
		Instant now = clock.instant();
		Session s = courses.lockSession(sessionId).orElseThrow();
		if (s.quotasReleased() || LocalDate.ofInstant(now, Session.ZONE).isBefore(s.quotaReleaseDay())) {
			return;
		}
		store.markReleased(sessionId, now);
		fill(courses.session(sessionId).orElseThrow(), now);
	}

	List<Long> sessionsToRemind() {
		Instant now = clock.instant();
		return store.sessionsToRemind(now, now.plus(Duration.ofDays(2)));
	}

	@Transactional
	public void remind(long sessionId) {
		Session s = courses.lockSession(sessionId).orElseThrow();
		if (!store.markReminded(sessionId, clock.instant())) {
			return;
		}
		for (Booking b : store.inStates(sessionId, List.of(BookingState.BOOKED))) {
			mails.reminder(b, s, token(b.id(), "manage", null));
		}
	}

	List<Long> attendedToEvaluate() {
		Instant now = clock.instant();
		return store.attendedToEvaluate(now, now.minus(properties.evaluationWithin()));
	}

	@Transactional
	public void sendEvaluation(long bookingId) {
		if (!store.markEvaluationSent(bookingId)) {
			return;
		}
		Booking b = store.find(bookingId).orElseThrow();
		Session s = courses.session(b.sessionId()).orElseThrow();
		mails.evaluation(b, s, token(b.id(), "evaluation", clock.instant().plus(properties.evaluationWithin())));
	}

	List<Long> sessionsToPurge() {
		return store.sessionsToPurge(clock.instant().minus(properties.retention()));
	}

	/**
	 * Deletes a session's participants' personal data, keeping the counts; audited as a
	 * count.
	 */
	@Transactional
	public int purge(long sessionId) {
		courses.lockSession(sessionId);
		int deleted = store.purge(sessionId, clock.instant());
		audit.record(AuditEvent.of(AuditKind.CHANGE)
			.actor("system")
			.subject(AuditSubject.TRAINING_SESSION, sessionId)
			.details("retention: " + deleted + " booking(s) deleted " + properties.retention()
					+ " after the session; counts by municipality and profession kept"));
		return deleted;
	}

	/**
	 * Tells the participants of a changed or cancelled session, in the transaction of the
	 * change.
	 */
	@EventListener
	void sessionChanged(SessionChanged event) {
		Instant now = clock.instant();
		Session s = courses.session(event.sessionId()).orElseThrow();
		if (event.kind() == SessionChanged.Kind.CHANGED) {
			for (Booking b : store.inStates(s.id(),
					List.of(BookingState.BOOKED, BookingState.OFFERED, BookingState.WAITLISTED))) {
				mails.sessionChanged(b, s, token(b.id(), "manage", null));
			}
			fill(s, now);
		}
		else {
			for (Booking b : store.inStates(s.id(), List.of(BookingState.BOOKED, BookingState.OFFERED,
					BookingState.WAITLISTED, BookingState.UNCONFIRMED))) {
				store.openOffer(b.id()).ifPresent(o -> store.decideOffer(o.id(), "withdrawn", now));
				mails.sessionCancelled(b, s);
			}
		}
	}

	/** The session an evaluation link is for, while it is good. */
	@Transactional(readOnly = true)
	public Optional<Session> evaluable(String token) {
		return valid(token, "evaluation", clock.instant()).flatMap(t -> store.find(t.bookingId()))
			.flatMap(b -> courses.session(b.sessionId()));
	}

	/**
	 * Spends an evaluation link (its row is deleted: nothing remains that ties an answer
	 * to the person) and returns its session; empty when it is not good. Call it in the
	 * transaction that stores the answer.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public Optional<Long> spendEvaluationToken(String token) {
		var row = valid(token, "evaluation", clock.instant());
		if (row.isEmpty()) {
			return Optional.empty();
		}
		store.deleteToken(Tokens.hash(token));
		return store.find(row.get().bookingId()).map(Booking::sessionId);
	}

	// the organiser's

	/**
	 * The session's participants for its organiser; the read is audited (one row for the
	 * list).
	 */
	@Transactional
	public List<Booking> participants(long sessionId) {
		courseService.organisedSession(sessionId);
		List<Booking> all = store.ofSession(sessionId);
		audit.readAll(AuditSubject.TRAINING_SESSION, List.of(sessionId), ReadPurpose.PARTICIPANT_LIST);
		return all;
	}

	@Transactional(readOnly = true)
	public List<Offer> offers(long sessionId) {
		courseService.organisedSession(sessionId);
		return store.offers(sessionId);
	}

	/**
	 * Marks who attended (the booked ones ticked); those unticked are booked again. From
	 * the session's day on.
	 */
	@Transactional
	public void markAttendance(long sessionId, Collection<Long> attended) {
		Session s = courseService.organisedSession(sessionId);
		if (LocalDate.ofInstant(clock.instant(), Session.ZONE).isBefore(s.start().toLocalDate())) {
			throw se.skyddsnat.shared.InvalidInput.of("attended", "training.error.attendanceEarly");
		}
		courses.lockSession(sessionId);
		store.setAttended(sessionId, attended == null ? List.of() : new ArrayList<>(attended));
		audit.change(AuditSubject.TRAINING_SESSION, sessionId,
				"attendance marked: " + (attended == null ? 0 : attended.size()));
	}

	/** Mails each attendee their certificate; returns how many. */
	@Transactional
	public int sendCertificates(long sessionId) {
		Session s = courseService.organisedSession(sessionId);
		List<Booking> attended = store.inStates(sessionId, List.of(BookingState.ATTENDED));
		for (Booking b : attended) {
			mails.certificate(b, s, Pdfs.certificate(b, s, BookingMails.locale(b.lang()), mails));
		}
		audit.change(AuditSubject.TRAINING_SESSION, sessionId, "certificates sent: " + attended.size());
		return attended.size();
	}

	/**
	 * The sign-in sheet (PDF) of the session: those booked and attended; the read is
	 * audited.
	 */
	@Transactional
	public byte[] signInSheet(long sessionId, java.util.Locale locale) {
		Session s = courseService.organisedSession(sessionId);
		var list = store.inStates(sessionId, List.of(BookingState.BOOKED, BookingState.ATTENDED));
		audit.readAll(AuditSubject.TRAINING_SESSION, List.of(sessionId), ReadPurpose.PARTICIPANT_LIST);
		return Pdfs.signInSheet(s, list, locale, mails);
	}

	/** The participant's own certificate through the manage link, when they attended. */
	@Transactional(readOnly = true)
	public Optional<byte[]> myCertificate(String token) {
		return mine(token).filter(Mine::mayCertificate)
			.map(m -> Pdfs.certificate(m.booking(), m.session(), BookingMails.locale(m.booking().lang()), mails));
	}

	/** Whether the current user organises the session's course (for the pages). */
	public static boolean organises(Session s) {
		return CourseService.mayOrganise(s.course());
	}

	static void requireOrganiser(Session s) {
		if (!organises(s)) {
			throw new AccessDeniedException("Not an organiser");
		}
	}

}
