package se.skyddsnat.region.nonjoined;

import java.time.Clock;
import java.time.LocalDate;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.skyddsnat.idempotency.FormToken;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;

/**
 * The follow-up of municipalities outside the offer: the overview, and one municipality
 * with its dialogue.
 */
@Controller
@RequiredArgsConstructor
class NonJoinedController {

	private final NonJoinedFollowUp followUp;

	private final NoticeService notices;

	private final Clock clock;

	@GetMapping("/region/non-joined")
	String overview(Model model) {
		model.addAttribute("municipalities", followUp.overview());
		return "region/non-joined";
	}

	@GetMapping("/region/non-joined/{code}")
	String show(@PathVariable String code, Model model) {
		var form = new DialogueForm();
		form.setContactedOn(LocalDate.now(clock).toString());
		return page(code, form, model);
	}

	@PostMapping("/region/non-joined/{code}")
	String record(@PathVariable String code, @ModelAttribute("form") DialogueForm form, BindingResult result,
			Model model, RedirectAttributes redirect, FormToken token) {
		var municipality = municipality(code);
		try {
			return token.once("dialogue.record", () -> {
				followUp.recordContact(municipality.code(), form.entry());
				redirect.addFlashAttribute("message", "dialogue.recorded");
				redirect.addFlashAttribute("messageArg", municipality.name());
				return "redirect:/region/non-joined/" + municipality.code().value();
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return page(code, form, model);
		}
	}

	private String page(String code, DialogueForm form, Model model) {
		var municipality = municipality(code);
		model.addAttribute("municipality", municipality);
		model.addAttribute("entries", followUp.dialogue(municipality.code()));
		// the notices themselves (dates, how the municipality was informed) are the
		// project leader's
		model.addAttribute("notices", notices.mayHandle() ? notices.all(municipality.code()) : null);
		model.addAttribute("mayRecord", followUp.mayRecord());
		model.addAttribute("form", form);
		model.addAttribute("today", LocalDate.now(clock));
		return "region/non-joined-municipality";
	}

	private NonJoinedMunicipality municipality(String code) {
		if (!MunicipalityCode.isValid(code)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return followUp.find(MunicipalityCode.of(code))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
