package se.skyddsnat.followup.assignment;

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

/**
 * Budget assignments of the last years with their status reports, and the forms to add
 * them.
 */
@Controller
@RequiredArgsConstructor
class AssignmentController {

	private final Assignments assignments;

	private final Clock clock;

	@GetMapping("/followup/assignments")
	String list(Model model) {
		int year = LocalDate.now(clock).getYear();
		model.addAttribute("assignments", assignments.between(year - 5, year + 1));
		model.addAttribute("mayEdit", assignments.mayEdit());
		model.addAttribute("today", LocalDate.now(clock));
		if (!model.containsAttribute("form")) {
			var form = new AssignmentForm();
			form.setYear(Integer.toString(year));
			model.addAttribute("form", form);
		}
		return "followup/assignments";
	}

	@PostMapping("/followup/assignments")
	String create(@ModelAttribute("form") AssignmentForm form, BindingResult result, Model model,
			RedirectAttributes redirect, FormToken token) {
		try {
			return token.once("followup.assignment", () -> {
				assignments.create(form.getYear(), form.getText(), form.getCommittee());
				redirect.addFlashAttribute("message", "followup.assignment.saved");
				return "redirect:/followup/assignments";
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			model.addAttribute("formFor", "new");
			return list(model);
		}
	}

	@PostMapping("/followup/assignments/{id}/reports")
	String report(@PathVariable long id, @ModelAttribute("form") AssignmentForm form, BindingResult result, Model model,
			RedirectAttributes redirect, FormToken token) {
		try {
			return token.once("followup.statusReport", () -> {
				assignments.report(id, form.getDate(), form.getAccount(), form.getReport());
				redirect.addFlashAttribute("message", "followup.statusReport.saved");
				return "redirect:/followup/assignments#assignment-" + id;
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			model.addAttribute("formFor", id);
			return list(model);
		}
	}

}
