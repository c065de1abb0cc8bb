package se.skyddsnat.followup.grant;

import java.time.Clock;
import java.time.LocalDate;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.skyddsnat.followup.report.Reports;
import se.skyddsnat.idempotency.FormToken;
import se.skyddsnat.shared.InvalidInput;

/**
 * Grants: the list with the form, a grant with its payments, approval, payments received,
 * the final report's draft.
 */
@Controller
@RequiredArgsConstructor
class GrantController {

	private final Grants grants;

	private final GrantReminders reminders;

	private final Reports reports;

	private final Clock clock;

	@GetMapping("/followup/grants")
	String list(Model model) {
		model.addAttribute("grants", grants.all());
		model.addAttribute("mayEdit", grants.mayEdit());
		model.addAttribute("today", LocalDate.now(clock));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new GrantForm());
		}
		return "followup/grants";
	}

	@PostMapping("/followup/grants")
	String create(@ModelAttribute("form") GrantForm form, BindingResult result, Model model,
			RedirectAttributes redirect, FormToken token) {
		try {
			return token.once("followup.grant", () -> {
				long id = grants.create(form.grant());
				redirect.addFlashAttribute("message", "followup.grant.saved");
				return "redirect:/followup/grants/" + id;
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return list(model);
		}
	}

	@GetMapping("/followup/grants/{id}")
	String grant(@PathVariable long id, Model model) {
		Grant grant = grants.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("grant", grant);
		model.addAttribute("reminders", reminders.made(id));
		model.addAttribute("mayEdit", grants.mayEdit());
		model.addAttribute("today", LocalDate.now(clock));
		if (!model.containsAttribute("form")) {
			var form = new GrantForm();
			form.setDate(LocalDate.now(clock).toString());
			model.addAttribute("form", form);
		}
		return "followup/grant";
	}

	@PostMapping("/followup/grants/{id}/approval")
	String approve(@PathVariable long id, @ModelAttribute("form") GrantForm form, BindingResult result, Model model,
			RedirectAttributes redirect, FormToken token) {
		try {
			return token.once("followup.grant.approve", () -> {
				grants.approveReport(id, form.getDate());
				redirect.addFlashAttribute("message", "followup.grant.approved");
				return "redirect:/followup/grants/" + id;
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			model.addAttribute("formFor", "approval");
			return grant(id, model);
		}
	}

	@PostMapping("/followup/grants/{id}/payments/{payment}")
	String received(@PathVariable long id, @PathVariable long payment, @ModelAttribute("form") GrantForm form,
			BindingResult result, Model model, RedirectAttributes redirect, FormToken token) {
		try {
			return token.once("followup.grant.received", () -> {
				grants.received(id, payment, form.getDate());
				redirect.addFlashAttribute("message", "followup.grant.received");
				return "redirect:/followup/grants/" + id;
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			model.addAttribute("formFor", payment);
			return grant(id, model);
		}
	}

	@GetMapping("/followup/grants/{id}/final-report.{format}")
	ResponseEntity<byte[]> finalReport(@PathVariable long id, @PathVariable String format) {
		Grant g = grants.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Reports.Format f = se.skyddsnat.shared.Input.codeOf(Reports.Format.class, format);
		if (f == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		Reports.Generated file = reports.generateGrant(id, g.grantor(), g.purpose(), g.amount(), g.from(), g.to(), f);
		return ResponseEntity.ok()
			.contentType(f == Reports.Format.PDF ? org.springframework.http.MediaType.APPLICATION_PDF
					: org.springframework.http.MediaType
						.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
			.header("Content-Disposition",
					org.springframework.http.ContentDisposition.attachment()
						.filename(file.fileName())
						.build()
						.toString())
			.header("Cache-Control", "no-store")
			.body(file.bytes());
	}

}
