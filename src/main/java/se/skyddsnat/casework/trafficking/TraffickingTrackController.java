package se.skyddsnat.casework.trafficking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Consumer;

import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.skyddsnat.idempotency.FormToken;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.casework.core.CaseAccess;
import se.skyddsnat.casework.core.CaseworkProperties;

/**
 * The trafficking track's forms, one small page each (the case page links to them): a
 * placement and its end, a permit application and its decision, a police or prosecutor
 * contact, the return programme with its return date and follow-up, a link to the home
 * municipality. Saved: back to the case's track; refused: the same form with each error
 * beside its field and in the summary.
 */
@Controller
@RequestMapping("/cases/{caseId}/track")
@RequiredArgsConstructor
class TraffickingTrackController {

	private final TraffickingTracks tracks;

	private final CaseworkProperties properties;

	private final Clock clock;

	@GetMapping("/housing")
	String housingForm(@PathVariable long caseId, Model model) {
		var form = new HousingForm();
		form.setFrom(today());
		return page(caseId, "housing", form, null, model);
	}

	@PostMapping("/housing")
	String addHousing(@PathVariable long caseId, @ModelAttribute("form") HousingForm form, BindingResult result,
			Model model, RedirectAttributes redirect, FormToken token) {
		return save(token, caseId, "housing", form, null, result, model, redirect, "track.housing.saved",
				() -> tracks.addHousing(caseId, form.command()));
	}

	@GetMapping("/housing/{housingId}/end")
	String endHousingForm(@PathVariable long caseId, @PathVariable long housingId, Model model) {
		var form = new HousingForm();
		form.setTo(today());
		return page(caseId, "housingEnd", form, t -> model.addAttribute("row", row(t.placement(housingId))), model);
	}

	@PostMapping("/housing/{housingId}/end")
	String endHousing(@PathVariable long caseId, @PathVariable long housingId, @ModelAttribute("form") HousingForm form,
			BindingResult result, Model model, RedirectAttributes redirect, FormToken token) {
		return save(token, caseId, "housingEnd", form, t -> model.addAttribute("row", row(t.placement(housingId))),
				result, model, redirect, "track.housing.ended",
				() -> tracks.endHousing(caseId, housingId, form.getTo()));
	}

	@GetMapping("/permits")
	String permitForm(@PathVariable long caseId, Model model) {
		var form = new PermitForm();
		form.setAppliedOn(today());
		return page(caseId, "permit", form, null, model);
	}

	@PostMapping("/permits")
	String addPermit(@PathVariable long caseId, @ModelAttribute("form") PermitForm form, BindingResult result,
			Model model, RedirectAttributes redirect, FormToken token) {
		return save(token, caseId, "permit", form, null, result, model, redirect, "track.permit.saved",
				() -> tracks.addPermit(caseId, form.command()));
	}

	@GetMapping("/permits/{permitId}/decision")
	String decisionForm(@PathVariable long caseId, @PathVariable long permitId, Model model) {
		var form = new PermitForm();
		form.setDecidedOn(today());
		return page(caseId, "permitDecision", form, t -> model.addAttribute("row", row(t.permit(permitId))), model);
	}

	@PostMapping("/permits/{permitId}/decision")
	String decide(@PathVariable long caseId, @PathVariable long permitId, @ModelAttribute("form") PermitForm form,
			BindingResult result, Model model, RedirectAttributes redirect, FormToken token) {
		return save(token, caseId, "permitDecision", form, t -> model.addAttribute("row", row(t.permit(permitId))),
				result, model, redirect, "track.permit.decided",
				() -> tracks.decidePermit(caseId, permitId, form.decision()));
	}

	@GetMapping("/contacts")
	String contactForm(@PathVariable long caseId, Model model) {
		var form = new PoliceContactForm();
		form.setDate(today());
		return page(caseId, "contact", form, null, model);
	}

	@PostMapping("/contacts")
	String addContact(@PathVariable long caseId, @ModelAttribute("form") PoliceContactForm form, BindingResult result,
			Model model, RedirectAttributes redirect, FormToken token) {
		return save(token, caseId, "contact", form, null, result, model, redirect, "track.contact.saved",
				() -> tracks.addContact(caseId, form.command()));
	}

	@GetMapping("/returns")
	String returnForm(@PathVariable long caseId, Model model) {
		var form = new ReturnProgrammeForm();
		form.setAppliedOn(today());
		return page(caseId, "return", form, null, model);
	}

	@PostMapping("/returns")
	String applyForReturn(@PathVariable long caseId, @ModelAttribute("form") ReturnProgrammeForm form,
			BindingResult result, Model model, RedirectAttributes redirect, FormToken token) {
		return save(token, caseId, "return", form, null, result, model, redirect, "track.return.saved",
				() -> tracks.applyForReturn(caseId, form.command()));
	}

	@GetMapping("/returns/{returnId}/return")
	String returnDateForm(@PathVariable long caseId, @PathVariable long returnId, Model model) {
		var form = new ReturnProgrammeForm();
		return page(caseId, "returnDate", form, t -> {
			ReturnProgramme r = row(t.returnProgramme(returnId));
			form.setReturnDate(r.returnDate() == null ? today() : r.returnDate().toString());
			model.addAttribute("row", r);
		}, model);
	}

	@PostMapping("/returns/{returnId}/return")
	String recordReturn(@PathVariable long caseId, @PathVariable long returnId,
			@ModelAttribute("form") ReturnProgrammeForm form, BindingResult result, Model model,
			RedirectAttributes redirect, FormToken token) {
		return save(token, caseId, "returnDate", form, t -> model.addAttribute("row", row(t.returnProgramme(returnId))),
				result, model, redirect, "track.return.returned",
				() -> tracks.recordReturn(caseId, returnId, form.getReturnDate()));
	}

	@GetMapping("/returns/{returnId}/follow-up")
	String followUpForm(@PathVariable long caseId, @PathVariable long returnId, Model model) {
		var form = new ReturnProgrammeForm();
		form.setFollowUpDoneOn(today());
		return page(caseId, "followUp", form, t -> model.addAttribute("row", row(t.returnProgramme(returnId))), model);
	}

	@PostMapping("/returns/{returnId}/follow-up")
	String followUpDone(@PathVariable long caseId, @PathVariable long returnId,
			@ModelAttribute("form") ReturnProgrammeForm form, BindingResult result, Model model,
			RedirectAttributes redirect, FormToken token) {
		return save(token, caseId, "followUp", form, t -> model.addAttribute("row", row(t.returnProgramme(returnId))),
				result, model, redirect, "track.return.followedUp",
				() -> tracks.followUpDone(caseId, returnId, form.getFollowUpDoneOn()));
	}

	@GetMapping("/home-links")
	String homeForm(@PathVariable long caseId, Model model) {
		var form = new HomeMunicipalityForm();
		form.setContactedOn(today());
		return page(caseId, "home", form, null, model);
	}

	@PostMapping("/home-links")
	String linkHome(@PathVariable long caseId, @ModelAttribute("form") HomeMunicipalityForm form, BindingResult result,
			Model model, RedirectAttributes redirect, FormToken token) {
		return save(token, caseId, "home", form, null, result, model, redirect, "track.home.saved",
				() -> tracks.linkHome(caseId, form.command()));
	}

	private String save(FormToken token, long caseId, String kind, Object form, Consumer<TraffickingTrack> row,
			BindingResult result, Model model, RedirectAttributes redirect, String savedMessage, Runnable action) {
		try {
			return token.once("track." + kind, () -> {
				action.run();
				redirect.addFlashAttribute("message", savedMessage);
				return "redirect:/cases/" + caseId + "#track";
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return page(caseId, kind, form, row, model);
		}
	}

	/**
	 * The form page: only for the case's own unit (others may read the track, never
	 * record in it).
	 */
	private String page(long caseId, String kind, Object form, Consumer<TraffickingTrack> row, Model model) {
		TraffickingTrack track = tracks.find(caseId).orElseThrow(CaseAccess::notFound);
		if (!track.editable()) {
			throw new AccessDeniedException("Only the case's own unit records its trafficking track");
		}
		if (row != null) {
			row.accept(track);
		}
		model.addAttribute("track", track);
		model.addAttribute("trackForm", kind);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", form);
		}
		model.addAttribute("today", LocalDate.now(clock));
		model.addAttribute("permitKinds", PermitKind.values());
		model.addAttribute("permitDecisions", PermitDecision.values());
		model.addAttribute("contactKinds", PoliceContactKind.values());
		model.addAttribute("trackReminderDays", properties.permitReminderDays());
		if (kind.equals("home")) {
			model.addAttribute("municipalities", tracks.municipalities());
		}
		return "casework/track-form";
	}

	private static <T> T row(T row) {
		if (row == null) {
			throw CaseAccess.notFound();
		}
		return row;
	}

	private String today() {
		return LocalDate.now(clock).toString();
	}

}
