package se.skyddsnat.training.evaluation;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.training.booking.Bookings;

/** The evaluation form an attendee's link leads to (public, no login, no JavaScript). */
@Controller
@RequiredArgsConstructor
class EvaluationController {

	private final Evaluations evaluations;

	private final Bookings bookings;

	@GetMapping("/public/training/evaluation/{token}")
	String form(@PathVariable String token, Model model) {
		var session = bookings.evaluable(token);
		if (session.isEmpty()) {
			model.addAttribute("messageKey", "training.public.gone");
			return "training/public-done";
		}
		model.addAttribute("ts", session.get());
		model.addAttribute("token", token);
		return "training/public-evaluation";
	}

	@PostMapping("/public/training/evaluation/{token}")
	String answer(@PathVariable String token, @RequestParam(required = false) String satisfaction,
			@RequestParam(required = false) String usefulness, @RequestParam(required = false) String best,
			@RequestParam(required = false) String improve, Model model) {
		try {
			boolean stored = evaluations.answer(token, satisfaction, usefulness, best, improve);
			model.addAttribute("messageKey", stored ? "training.public.thanks" : "training.public.gone");
			return "training/public-done";
		}
		catch (InvalidInput e) {
			model.addAttribute("violations", e.violations());
			model.addAttribute("satisfaction", satisfaction);
			model.addAttribute("usefulness", usefulness);
			model.addAttribute("best", best);
			model.addAttribute("improve", improve);
			return form(token, model);
		}
	}

}
