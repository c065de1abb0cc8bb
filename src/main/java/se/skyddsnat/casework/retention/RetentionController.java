package se.skyddsnat.casework.retention;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.skyddsnat.idempotency.FormToken;

/**
 * The retention page of a unit's manager: what falls due per unit, and the approval that
 * deletes it.
 */
@Controller
@RequestMapping("/casework/retention")
@RequiredArgsConstructor
class RetentionController {

	private final Retention retention;

	@GetMapping
	String due(Model model) {
		model.addAttribute("lists", retention.forCurrentManager());
		return "casework/retention";
	}

	@PostMapping("/{unit}/approve")
	String approve(@PathVariable String unit, RedirectAttributes redirect, FormToken token) {
		return token.once("retention.approve:" + unit, () -> {
			Retention.Deleted deleted = retention.approve(unit);
			redirect.addFlashAttribute("deletedPeople", deleted.people());
			redirect.addFlashAttribute("deletedCases", deleted.cases());
			return "redirect:/casework/retention";
		});
	}

}
