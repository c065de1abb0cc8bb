package se.skyddsnat.training.course;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.identity.Role;
import se.skyddsnat.identity.UnitDirectory;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.UnitCode;
import se.skyddsnat.training.SessionFormat;
import se.skyddsnat.training.TrainingLimits;

/**
 * Organising courses and sessions. Who may: a COORDINATOR every course, a MANAGER or
 * CASEWORKER the courses one of whose organising units they belong to
 * ({@link Permission#ORGANISE_TRAINING} and the units). Input is read here, each problem
 * named on its field.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class CourseService {

	private static final Pattern LOCAL_TIME = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}");

	private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

	private final CourseStore store;

	private final UnitDirectory units;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/** Whether the current user may organise trainings at all (the pages' links). */
	public static boolean mayOrganiseAny() {
		return CurrentUser.get().map(u -> u.may(Permission.ORGANISE_TRAINING)).orElse(false);
	}

	/**
	 * Whether the current user organises this course: a COORDINATOR, or a member of one
	 * of its units.
	 */
	public static boolean mayOrganise(Course course) {
		return CurrentUser.get()
			.map(u -> u.may(Permission.ORGANISE_TRAINING) && (u.hasRole(Role.COORDINATOR)
					|| course.units().stream().anyMatch(c -> u.belongsTo(UnitCode.of(c)))))
			.orElse(false);
	}

	/** The course, for one who organises it (403 otherwise, 404 when there is none). */
	public Course organised(long courseId) {
		CurrentUser.require(Permission.ORGANISE_TRAINING);
		Course course = store.course(courseId).orElseThrow(() -> new NotFound());
		if (!mayOrganise(course)) {
			throw new AccessDeniedException("Not an organiser of the course");
		}
		return course;
	}

	/** The session, for one who organises its course. */
	public Session organisedSession(long sessionId) {
		CurrentUser.require(Permission.ORGANISE_TRAINING);
		Session session = store.session(sessionId).orElseThrow(() -> new NotFound());
		if (!mayOrganise(session.course())) {
			throw new AccessDeniedException("Not an organiser of the course");
		}
		return session;
	}

	/** The courses the user organises, newest first. */
	public List<Course> courses() {
		CurrentUser.require(Permission.ORGANISE_TRAINING);
		return store.courses().stream().filter(CourseService::mayOrganise).toList();
	}

	@Transactional
	public long createCourse(String title, String description, String audience, List<String> unitCodes) {
		CurrentUser user = CurrentUser.require(Permission.ORGANISE_TRAINING);
		var in = Input.of(clock);
		String t = in.required("title", title, TrainingLimits.COURSE_TITLE, "training.error.title");
		String d = in.text("description", description, TrainingLimits.COURSE_DESCRIPTION);
		Audience a = in.requiredCode("audience", audience, Audience.class, "training.error.audience");
		var codes = new ArrayList<String>();
		for (String code : unitCodes == null ? List.<String>of() : unitCodes) {
			UnitCode unit = Input.readUnit(code);
			if (unit == null || units.find(unit).isEmpty()) {
				in.reject("units", "training.error.unit");
			}
			else if (!codes.contains(unit.value())) {
				codes.add(unit.value());
			}
		}
		if (!in.failed("units") && !user.hasRole(Role.COORDINATOR)
				&& codes.stream().noneMatch(c -> user.belongsTo(UnitCode.of(c)))) {
			in.reject("units", "training.error.ownUnit");
		}
		in.check();
		return store.insertCourse(t, d, a, codes, user.username());
	}

	@Transactional
	public long createSession(long courseId, SessionInput input) {
		Course course = organised(courseId);
		var row = read(course.id(), input);
		long id = store.insertSession(row.row(), CurrentUser.require().username());
		store.replaceQuotas(id, row.quotas());
		return id;
	}

	/**
	 * Changes a session; booked participants of a published one are told (in this
	 * transaction).
	 */
	@Transactional
	public void changeSession(long sessionId, SessionInput input) {
		Session session = organisedSession(sessionId);
		if (session.cancelled()) {
			throw InvalidInput.of("state", "training.error.cancelled");
		}
		var row = read(session.course().id(), input);
		store.lockSession(sessionId);
		store.updateSession(sessionId, row.row());
		store.replaceQuotas(sessionId, row.quotas());
		if (session.published()) {
			events.publishEvent(new SessionChanged(sessionId, SessionChanged.Kind.CHANGED));
		}
	}

	@Transactional
	public void publish(long sessionId) {
		Session session = organisedSession(sessionId);
		if (!session.cancelled()) {
			store.setState(sessionId, SessionState.PUBLISHED);
		}
	}

	/**
	 * Cancels the session; everyone who booked, waits or was offered a seat is told (in
	 * this transaction).
	 */
	@Transactional
	public void cancel(long sessionId) {
		Session session = organisedSession(sessionId);
		if (session.cancelled()) {
			return;
		}
		store.lockSession(sessionId);
		store.setState(sessionId, SessionState.CANCELLED);
		if (session.published()) {
			events.publishEvent(new SessionChanged(sessionId, SessionChanged.Kind.CANCELLED));
		}
	}

	private record Read(CourseStore.SessionRow row, Map<String, Integer> quotas) {
	}

	private Read read(long courseId, SessionInput s) {
		var in = Input.of(clock);
		SessionFormat format = in.requiredCode("format", s.format(), SessionFormat.class, "training.error.format");
		Instant starts = localTime(in, "startsAt", s.startsAt());
		Instant ends = localTime(in, "endsAt", s.endsAt());
		if (starts != null && ends != null && !ends.isAfter(starts)) {
			in.reject("endsAt", "training.error.endsAt");
		}
		String place = in.text("place", s.place(), TrainingLimits.SESSION_PLACE);
		String link = in.text("link", s.link(), TrainingLimits.SESSION_LINK);
		if (format == SessionFormat.PHYSICAL && place == null) {
			in.reject("place", "training.error.place");
		}
		if (format == SessionFormat.DIGITAL) {
			if (link == null || !httpsLink(link)) {
				in.reject("link", "training.error.link");
			}
		}
		Integer capacity = in.integer("capacity", s.capacity(), 1, 10_000, "training.error.capacity");
		if (capacity == null && !in.failed("capacity")) {
			in.reject("capacity", "training.error.capacity");
		}
		LocalDate opens = in.requiredDate("bookingOpens", s.bookingOpens(), in.anyDate(),
				"training.error.bookingOpens");
		LocalDate closes = in.requiredDate("bookingCloses", s.bookingCloses(), in.anyDate(),
				"training.error.bookingCloses");
		if (opens != null && closes != null && closes.isBefore(opens)) {
			in.reject("bookingCloses", "training.error.bookingCloses");
		}
		if (closes != null && starts != null && closes.isAfter(starts.atZone(Session.ZONE).toLocalDate())) {
			in.reject("bookingCloses", "training.error.closesAfterStart");
		}
		Integer release = s.quotaReleaseDays() == null || s.quotaReleaseDays().isBlank() ? Integer.valueOf(14)
				: in.integer("quotaReleaseDays", s.quotaReleaseDays(), 0, 365, "training.error.releaseDays");
		var quotas = new LinkedHashMap<String, Integer>();
		for (var q : s.quotas().entrySet()) {
			if (q.getValue() == null || q.getValue().isBlank()) {
				continue;
			}
			var code = Input.readMunicipality(q.getKey());
			Integer seats = Input.readInt(q.getValue());
			if (code == null || seats == null || seats < 0 || seats > 10_000) {
				in.reject("quotas", "training.error.quota");
			}
			else if (seats > 0) {
				quotas.merge(code.value(), seats, Integer::sum);
			}
		}
		if (capacity != null && quotas.values().stream().mapToInt(Integer::intValue).sum() > capacity) {
			in.reject("quotas", "training.error.quotaOverCapacity");
		}
		var trainers = new ArrayList<String>();
		for (String t : s.trainers()) {
			String name = t.strip();
			if (!USER_NAME.matcher(name).matches()) {
				in.reject("trainers", "training.error.trainers");
			}
			else if (!trainers.contains(name)) {
				trainers.add(name);
			}
		}
		in.check();
		return new Read(new CourseStore.SessionRow(courseId, format, starts, ends,
				format == SessionFormat.PHYSICAL ? place : null, format == SessionFormat.DIGITAL ? link : null,
				capacity, opens, closes, release, trainers), quotas);
	}

	private static Instant localTime(Input in, String field, String value) {
		String v = value == null ? "" : value.strip();
		if (!LOCAL_TIME.matcher(v).matches()) {
			in.reject(field, "training.error." + field);
			return null;
		}
		try {
			LocalDateTime t = LocalDateTime.parse(v);
			if (t.getYear() < 2000 || t.getYear() > 2100) {
				in.reject(field, "training.error." + field);
				return null;
			}
			return t.atZone(Session.ZONE).toInstant();
		}
		catch (DateTimeParseException e) {
			in.reject(field, "training.error." + field);
			return null;
		}
	}

	private static boolean httpsLink(String link) {
		try {
			URI uri = new URI(link);
			return "https".equals(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null;
		}
		catch (java.net.URISyntaxException e) {
			return false;
		}
	}

	/** No such course or session: 404. */
	public static final class NotFound extends org.springframework.web.server.ResponseStatusException {

		public NotFound() {
			super(org.springframework.http.HttpStatus.NOT_FOUND);
		}

	}

}
