package se.skyddsnat.region.meeting;

import java.time.Clock;
import java.time.LocalDate;

import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.skyddsnat.idempotency.FormToken;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.shared.InvalidInput;

/**
 * The steering group and the preparation group: meetings per year against the agreement's
 * minimum, and the record form.
 */
@Controller
@RequiredArgsConstructor
class MeetingController {

	private final Meetings meetings;

	private final Municipalities municipalities;

	private final Clock clock;

	@GetMapping("/region/meetings")
	String list(Model model) {
		model.addAttribute("years", meetings.years());
		model.addAttribute("mayRecord", meetings.mayRecord());
		return "region/meetings";
	}

	@GetMapping("/region/meetings/new")
	String newMeeting(Model model) {
		var form = new MeetingForm();
		form.setDate(LocalDate.now(clock).toString());
		return page(form, model);
	}

	@PostMapping("/region/meetings")
	String record(@ModelAttribute("form") MeetingForm form, BindingResult result, Model model,
			RedirectAttributes redirect, FormToken token) {
		try {
			return token.once("meeting.record", () -> {
				meetings.record(form.meeting());
				redirect.addFlashAttribute("message", "meeting.recorded");
				redirect.addFlashAttribute("messageArg", form.getDate().trim());
				return "redirect:/region/meetings";
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return page(form, model);
		}
	}

	private String page(MeetingForm form, Model model) {
		if (!meetings.mayRecord()) {
			throw new AccessDeniedException("COORDINATOR or ADMIN only");
		}
		model.addAttribute("form", form);
		model.addAttribute("kinds", MeetingKind.values());
		model.addAttribute("allMunicipalities", municipalities.byName());
		model.addAttribute("maxDecisions", Meetings.MAX_DECISIONS);
		model.addAttribute("today", LocalDate.now(clock));
		return "region/meeting-form";
	}

}
