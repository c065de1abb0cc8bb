package se.skyddsnat.training.booking;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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

import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.training.Profession;
import se.skyddsnat.training.course.CourseService;

/**
 * The public pages, without login and without JavaScript: the open sessions, a session
 * with its booking form, and the pages the mails' links lead to (confirm, the booking, an
 * offer). A link opens a page whose button does the work (a mail scanner that follows
 * links changes nothing). A token that is unknown, used or expired gets the same page as
 * any other: "this link no longer works".
 */
@Controller
class PublicBookingController {

	private final Bookings bookings;

	private final County county;

	private final org.springframework.context.MessageSource messages;

	PublicBookingController(Bookings bookings, County county, org.springframework.context.MessageSource messages) {
		this.messages = messages;
		this.bookings = bookings;
		this.county = county;
	}

	@GetMapping("/public/training")
	String list(Model model) {
		model.addAttribute("sessions", bookings.bookable());
		return "training/public-list";
	}

	@GetMapping("/public/training/{id}")
	String session(@PathVariable long id, Model model) {
		return form(id, new BookingForm(), model);
	}

	private String form(long id, BookingForm form, Model model) {
		var shown = bookings.publicSession(id).orElseThrow(CourseService.NotFound::new);
		model.addAttribute("shown", shown);
		model.addAttribute("form", form);
		var codes = new java.util.ArrayList<>(county.municipalities().keySet());
		var names = new java.util.ArrayList<>(county.municipalities().values());
		codes.add(County.OTHER);
		names.add(messages.getMessage("training.municipality.other", null, locale()));
		model.addAttribute("municipalityCodes", codes);
		model.addAttribute("municipalityNames", names);
		model.addAttribute("professions", java.util.Arrays.stream(Profession.values()).map(Profession::code).toList());
		return "training/public-session";
	}

	@PostMapping("/public/training/{id}")
	String book(@PathVariable long id, @ModelAttribute("form") BookingForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (form.getWebsite() != null && !form.getWebsite().isEmpty()) {
			// a robot filled the field people never see: it gets the same answer, and
			// nothing is kept
			return "redirect:/public/training/" + id + "/sent";
		}
		try {
			bookings.book(id, form.input(), county.municipalities().keySet(), request.getRemoteAddr(),
					LocaleContextHolder.getLocale().getLanguage());
			return "redirect:/public/training/" + id + "/sent";
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			response.setStatus(400);
			return form(id, form, model);
		}
		catch (BookingRefused e) {
			result.reject(e.messageKey());
			response.setStatus(429);
			return form(id, form, model);
		}
	}

	@GetMapping("/public/training/{id}/sent")
	String sent(@PathVariable long id, Model model) {
		model.addAttribute("shown", bookings.publicSession(id).orElseThrow(CourseService.NotFound::new));
		return "training/public-sent";
	}

	@GetMapping("/public/training/confirm/{token}")
	String confirmPage(@PathVariable String token, Model model) {
		var session = bookings.confirmable(token);
		if (session.isEmpty()) {
			return gone(model);
		}
		model.addAttribute("ts", session.get());
		model.addAttribute("token", token);
		return "training/public-confirm";
	}

	@PostMapping("/public/training/confirm/{token}")
	String confirm(@PathVariable String token, Model model) {
		var outcome = bookings.confirm(token);
		if (outcome.isEmpty()) {
			return gone(model);
		}
		model.addAttribute("outcome", outcome.get());
		return "training/public-confirmed";
	}

	@GetMapping("/public/training/booking/{token}")
	String mine(@PathVariable String token, Model model) {
		var mine = bookings.mine(token);
		if (mine.isEmpty()) {
			return gone(model);
		}
		model.addAttribute("mine", mine.get());
		model.addAttribute("token", token);
		model.addAttribute("municipalityName", county.name(mine.get().booking().municipality()));
		return "training/public-booking";
	}

	@PostMapping("/public/training/booking/{token}/cancel")
	String cancel(@PathVariable String token, Model model) {
		if (bookings.cancel(token).isEmpty()) {
			return gone(model);
		}
		return "redirect:/public/training/booking/" + token;
	}

	@PostMapping("/public/training/booking/{token}/delete")
	String delete(@PathVariable String token, Model model) {
		if (!bookings.deleteMine(token)) {
			return gone(model);
		}
		model.addAttribute("messageKey", "training.public.deleted");
		return "training/public-done";
	}

	@GetMapping("/public/training/booking/{token}/certificate.pdf")
	ResponseEntity<byte[]> certificate(@PathVariable String token) {
		return bookings.myCertificate(token)
			.map(pdf -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("intyg.pdf").build().toString())
				.body(pdf))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping("/public/training/offer/{token}")
	String offer(@PathVariable String token, Model model) {
		var offer = bookings.offer(token);
		if (offer.isEmpty()) {
			return gone(model);
		}
		model.addAttribute("offer", offer.get());
		model.addAttribute("token", token);
		return "training/public-offer";
	}

	@PostMapping("/public/training/offer/{token}/accept")
	String accept(@PathVariable String token, Model model) {
		return answered(bookings.answerOffer(token, true), model);
	}

	@PostMapping("/public/training/offer/{token}/decline")
	String decline(@PathVariable String token, Model model) {
		return answered(bookings.answerOffer(token, false), model);
	}

	private String answered(java.util.Optional<Bookings.Outcome> outcome, Model model) {
		if (outcome.isEmpty()) {
			return gone(model);
		}
		model.addAttribute("outcome", outcome.get());
		return "training/public-confirmed";
	}

	private static String gone(Model model) {
		model.addAttribute("messageKey", "training.public.gone");
		return "training/public-done";
	}

	static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
