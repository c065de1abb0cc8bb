package se.skyddsnat.casework.stodcentrum;

import java.time.Clock;
import java.time.LocalDate;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.skyddsnat.idempotency.FormToken;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.casework.web.CasePage;

/**
 * Stödcentrum's pages: the choice after the last support talk (a form on the case page)
 * and the indicators for a period (query parameters, so the page can be bookmarked; small
 * counts hidden unless the box is unticked).
 */
@Controller
@RequiredArgsConstructor
class StodcentrumController {

	private final Stodcentrum stodcentrum;

	private final CasePage casePage;

	private final Clock clock;

	@PostMapping("/cases/{id}/stodcentrum/choice")
	String choose(@PathVariable long id, @ModelAttribute("stodcentrumForm") StodcentrumChoiceForm form,
			BindingResult result, Model model, RedirectAttributes redirect, FormToken token) {
		try {
			return token.once("stodcentrum.choose", () -> {
				StodcentrumDecision decision = stodcentrum.choose(id, form.input());
				redirect.addFlashAttribute("message", "stodcentrum.decided." + decision.choice().code());
				return "redirect:/cases/" + id + "#stodcentrum";
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			model.addAttribute("stodcentrumChoices", StodcentrumChoice.values());
			return casePage.render(id, model);
		}
	}

	@GetMapping("/casework/stodcentrum/indicators")
	String indicators(@ModelAttribute("period") StodcentrumIndicatorForm form, BindingResult result, Model model) {
		stodcentrum.requireReader();
		LocalDate today = LocalDate.now(clock);
		if (form.getFrom() == null && form.getTo() == null) {
			form.setFrom(today.withDayOfYear(1).toString());
			form.setTo(today.toString());
		}
		form.setSuppress(form.suppressed());
		try {
			var period = se.skyddsnat.shared.DatePeriod.parse(form.getFrom(), form.getTo());
			StodcentrumIndicators indicators = stodcentrum.indicators(period.from(), period.to());
			var shown = indicators.publish(form.suppressed());
			model.addAttribute("indicators", indicators);
			model.addAttribute("shown", shown);
			model.addAttribute("share", StodcentrumIndicators.shareSatisfied(shown));
			model.addAttribute("suppress", form.suppressed());
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
		}
		return "casework/stodcentrum-indicators";
	}

}
