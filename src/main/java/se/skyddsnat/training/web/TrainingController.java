package se.skyddsnat.training.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.identity.UnitDirectory;
import se.skyddsnat.idempotency.FormToken;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.training.LectureAudience;
import se.skyddsnat.training.booking.Booking;
import se.skyddsnat.training.booking.BookingState;
import se.skyddsnat.training.booking.Bookings;
import se.skyddsnat.training.booking.County;
import se.skyddsnat.training.course.Audience;
import se.skyddsnat.training.course.CourseService;
import se.skyddsnat.training.course.CourseStore;
import se.skyddsnat.training.course.Session;
import se.skyddsnat.training.evaluation.Evaluations;
import se.skyddsnat.training.lecture.Lectures;

/** The organiser's pages (see the package documentation). */
@Controller
@RequiredArgsConstructor
class TrainingController {

	private final CourseService courses;

	private final CourseStore store;

	private final Bookings bookings;

	private final Evaluations evaluations;

	private final Lectures lectures;

	private final UnitDirectory units;

	private final County county;

	private final Clock clock;

	@GetMapping("/training")
	String start(Model model) {
		CurrentUser.require(Permission.ORGANISE_TRAINING);
		Instant now = clock.instant();
		model.addAttribute("courses", courses.courses());
		model.addAttribute("coming",
				store.sessionsFrom(now, 100).stream().filter(s -> CourseService.mayOrganise(s.course())).toList());
		model.addAttribute("held",
				store.sessionsBefore(now, 50).stream().filter(s -> CourseService.mayOrganise(s.course())).toList());
		model.addAttribute("lectures", lectures.recent());
		return "training/start";
	}

	@GetMapping("/training/courses/new")
	String newCourse(Model model) {
		CurrentUser.require(Permission.ORGANISE_TRAINING);
		return courseForm(new CourseForm(), model);
	}

	private String courseForm(CourseForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("audiences", Arrays.stream(Audience.values()).map(Audience::code).toList());
		model.addAttribute("unitCodes",
				units.all().stream().filter(u -> u.active()).map(u -> u.code().value()).toList());
		model.addAttribute("unitNames", units.all().stream().filter(u -> u.active()).map(u -> u.name()).toList());
		return "training/course-form";
	}

	@PostMapping("/training/courses")
	String createCourse(@ModelAttribute("form") CourseForm form, BindingResult result, Model model, FormToken token) {
		try {
			return token.once("training.course.create", () -> "redirect:/training/courses/" + courses
				.createCourse(form.getTitle(), form.getDescription(), form.getAudience(), form.getUnits()));
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return courseForm(form, model);
		}
	}

	@GetMapping("/training/courses/{id}")
	String course(@PathVariable long id, Model model) {
		model.addAttribute("course", courses.organised(id));
		model.addAttribute("sessions", store.sessionsOf(id));
		return "training/course";
	}

	@GetMapping("/training/courses/{id}/sessions/new")
	String newSession(@PathVariable long id, Model model) {
		var form = new SessionForm();
		return sessionForm(courses.organised(id).id(), null, form, model);
	}

	private String sessionForm(long courseId, Long sessionId, SessionForm form, Model model) {
		model.addAttribute("course", courses.organised(courseId));
		model.addAttribute("sessionId", sessionId);
		model.addAttribute("form", form);
		model.addAttribute("municipalities", county.municipalities());
		return "training/session-form";
	}

	@PostMapping("/training/courses/{id}/sessions")
	String createSession(@PathVariable long id, @ModelAttribute("form") SessionForm form, BindingResult result,
			Model model, FormToken token) {
		try {
			return token.once("training.session.create",
					() -> "redirect:/training/sessions/" + courses.createSession(id, form.input()));
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return sessionForm(id, null, form, model);
		}
	}

	@GetMapping("/training/sessions/{id}/edit")
	String editSession(@PathVariable long id, Model model) {
		Session s = courses.organisedSession(id);
		return sessionForm(s.course().id(), id, SessionForm.of(s), model);
	}

	@PostMapping("/training/sessions/{id}")
	String changeSession(@PathVariable long id, @ModelAttribute("form") SessionForm form, BindingResult result,
			Model model, FormToken token, RedirectAttributes redirect) {
		Session s = courses.organisedSession(id);
		try {
			return token.once("training.session.change", () -> {
				courses.changeSession(id, form.input());
				redirect.addFlashAttribute("message", "training.session.changed");
				return "redirect:/training/sessions/" + id;
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return sessionForm(s.course().id(), id, form, model);
		}
	}

	@PostMapping("/training/sessions/{id}/publish")
	String publish(@PathVariable long id, RedirectAttributes redirect) {
		courses.publish(id);
		redirect.addFlashAttribute("message", "training.session.published");
		return "redirect:/training/sessions/" + id;
	}

	@PostMapping("/training/sessions/{id}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes redirect) {
		courses.cancel(id);
		redirect.addFlashAttribute("message", "training.session.cancelledMessage");
		return "redirect:/training/sessions/" + id;
	}

	/** A state's participants, by municipality. */
	record Group(String state, List<Booking> bookings, Map<String, Long> perMunicipality) {
	}

	@GetMapping("/training/sessions/{id}")
	String session(@PathVariable long id, Model model) {
		Session s = courses.organisedSession(id);
		List<Booking> all = bookings.participants(id);
		var groups = Arrays.stream(BookingState.values()).map(state -> {
			var list = all.stream().filter(b -> b.state() == state).toList();
			Map<String, Long> per = new TreeMap<>(list.stream()
				.collect(Collectors.groupingBy(b -> county.name(b.municipality()), Collectors.counting())));
			return new Group(state.code(), list, per);
		}).filter(g -> !g.bookings().isEmpty()).toList();
		model.addAttribute("s", s);
		model.addAttribute("groups", groups);
		model.addAttribute("seated",
				all.stream()
					.filter(b -> b.state() == BookingState.BOOKED || b.state() == BookingState.ATTENDED)
					.toList());
		model.addAttribute("offers", bookings.offers(id));
		model.addAttribute("results", evaluations.results(id));
		model.addAttribute("names", county);
		model.addAttribute("publicLink", "/public/training/" + id);
		return "training/session";
	}

	@PostMapping("/training/sessions/{id}/attendance")
	String attendance(@PathVariable long id, @RequestParam(name = "attended", required = false) List<Long> attended,
			RedirectAttributes redirect) {
		bookings.markAttendance(id, attended == null ? List.of() : attended);
		redirect.addFlashAttribute("message", "training.attendance.saved");
		return "redirect:/training/sessions/" + id;
	}

	@PostMapping("/training/sessions/{id}/certificates")
	String certificates(@PathVariable long id, RedirectAttributes redirect) {
		int sent = bookings.sendCertificates(id);
		redirect.addFlashAttribute("message", "training.certificates.sent");
		redirect.addFlashAttribute("messageArg", sent);
		return "redirect:/training/sessions/" + id;
	}

	@GetMapping("/training/sessions/{id}/sign-in.pdf")
	ResponseEntity<byte[]> signIn(@PathVariable long id) {
		byte[] pdf = bookings.signInSheet(id, LocaleContextHolder.getLocale());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("narvarolista-" + id + ".pdf").build().toString())
			.body(pdf);
	}

	@GetMapping("/training/lectures/new")
	String newLecture(Model model) {
		CurrentUser.require(Permission.ORGANISE_TRAINING);
		return lectureForm(new LectureForm(), model);
	}

	private String lectureForm(LectureForm form, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("audiences", Arrays.stream(LectureAudience.values()).map(LectureAudience::code).toList());
		model.addAttribute("unitCodes",
				units.all().stream().filter(u -> u.active()).map(u -> u.code().value()).toList());
		model.addAttribute("unitNames", units.all().stream().filter(u -> u.active()).map(u -> u.name()).toList());
		return "training/lecture-form";
	}

	@PostMapping("/training/lectures")
	String recordLecture(@ModelAttribute("form") LectureForm form, BindingResult result, Model model, FormToken token,
			RedirectAttributes redirect) {
		try {
			return token.once("training.lecture.record", () -> {
				lectures.record(form.getHeldOn(), form.getTitle(), form.getAudience(), form.getUnits(),
						form.getHeadCount());
				redirect.addFlashAttribute("message", "training.lecture.recorded");
				return "redirect:/training";
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return lectureForm(form, model);
		}
	}

}
