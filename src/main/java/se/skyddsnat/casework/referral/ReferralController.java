package se.skyddsnat.casework.referral;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.skyddsnat.idempotency.FormToken;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.identity.Unit;
import se.skyddsnat.identity.UnitDirectory;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.casework.CaseFile;
import se.skyddsnat.casework.Cases;
import se.skyddsnat.casework.core.CaseAccess;

/**
 * Referral pages: a new referral of a case, the referral with its history and the actions
 * the viewer may take, the incoming referrals of the user's units, and recording a
 * consent from the case page.
 */
@Controller
@RequiredArgsConstructor
class ReferralController {

	private final Referrals referrals;

	private final Cases cases;

	private final UnitDirectory units;

	private final Municipalities municipalities;

	private final Clock clock;

	@GetMapping("/referrals/incoming")
	String incoming(Model model) {
		model.addAttribute("incoming", referrals.incoming());
		return "casework/referrals-incoming";
	}

	@GetMapping("/cases/{caseId}/referrals/new")
	String newReferral(@PathVariable long caseId, @ModelAttribute("form") ReferralForm form, Model model) {
		CaseFile caseFile = cases.find(caseId, ReadPurpose.REFERRAL).orElseThrow(CaseAccess::notFound);
		form.setPersonIds(caseFile.people().stream().map(cp -> cp.person().id()).toList());
		return form(caseFile, model);
	}

	@PostMapping("/cases/{caseId}/referrals")
	String create(@PathVariable long caseId, @ModelAttribute("form") ReferralForm form, BindingResult result,
			Model model, RedirectAttributes redirect, FormToken token) {
		try {
			return token.once("referral.create", () -> {
				long id = referrals.create(caseId, form.toNewReferral());
				redirect.addFlashAttribute("message", "referral.created");
				return "redirect:/referrals/" + id;
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return form(cases.find(caseId, ReadPurpose.REFERRAL).orElseThrow(CaseAccess::notFound), model);
		}
	}

	@GetMapping("/referrals/{id}")
	String show(@PathVariable long id, Model model) {
		model.addAttribute("action", new ReferralActionForm());
		return page(id, model);
	}

	/**
	 * "Spara utkast", and the save-as-you-type of the summary (htmx: answers with the
	 * status line only).
	 */
	@PostMapping("/referrals/{id}/draft")
	String saveDraft(@PathVariable long id, @ModelAttribute("action") ReferralActionForm form, BindingResult result,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		try {
			referrals.saveDraft(id, form.getSummary());
		}
		catch (InvalidInput e) {
			if (htmx != null) {
				model.addAttribute("draftError", e.violations().getFirst());
				return "casework/referral :: draftStatus";
			}
			e.rejectInto(result);
			return page(id, model);
		}
		if (htmx != null) {
			model.addAttribute("savedAt", LocalTime.now(clock).truncatedTo(ChronoUnit.MINUTES));
			return "casework/referral :: draftStatus";
		}
		redirect.addFlashAttribute("message", "referral.draftSaved");
		return "redirect:/referrals/" + id;
	}

	@PostMapping("/referrals/{id}/send")
	String send(@PathVariable long id, @ModelAttribute("action") ReferralActionForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return act(id, form, result, model, response, redirect, "referral.sent",
				() -> referrals.send(id, new Referrals.Sending(form.getSummary(), form.getOverrideReason())));
	}

	@PostMapping("/referrals/{id}/accept")
	String accept(@PathVariable long id, @ModelAttribute("action") ReferralActionForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return act(id, form, result, model, response, redirect, "referral.accepted", () -> referrals.accept(id));
	}

	@PostMapping("/referrals/{id}/decline")
	String decline(@PathVariable long id, @ModelAttribute("action") ReferralActionForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return act(id, form, result, model, response, redirect, "referral.declined",
				() -> referrals.decline(id, form.getReason()));
	}

	@PostMapping("/referrals/{id}/close")
	String close(@PathVariable long id, @ModelAttribute("action") ReferralActionForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return act(id, form, result, model, response, redirect, "referral.closed",
				() -> referrals.close(id, form.getNote()));
	}

	@PostMapping("/referrals/{id}/revoke")
	String revoke(@PathVariable long id, @ModelAttribute("action") ReferralActionForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return act(id, form, result, model, response, redirect, "referral.revoked",
				() -> referrals.revoke(id, form.getReason()));
	}

	/** How the sending unit delivered the letter, and when. */
	@PostMapping("/referrals/{id}/delivery")
	String delivered(@PathVariable long id, @ModelAttribute("action") ReferralActionForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect, FormToken token) {
		return once(token, "referral.delivery." + id, id, form, result, model, response, redirect,
				"referral.delivery.recorded", () -> referrals.recordDelivery(id,
						new Referrals.Delivered(form.getDeliveredHow(), form.getDeliveredOn())));
	}

	/** The receiving body's answer to a sent external referral. */
	@PostMapping("/referrals/{id}/answer")
	String answered(@PathVariable long id, @ModelAttribute("action") ReferralActionForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect, FormToken token) {
		return once(token, "referral.answer." + id, id, form, result, model, response, redirect,
				"referral.answerRecorded",
				() -> referrals.recordAnswer(id, new Referrals.Answer(form.getAnswerOn(), form.getAnswerText())));
	}

	private String once(FormToken token, String key, long id, ReferralActionForm form, BindingResult result,
			Model model, HttpServletResponse response, RedirectAttributes redirect, String done, Runnable record) {
		try {
			return token.once(key, () -> {
				record.run();
				redirect.addFlashAttribute("message", done);
				return "redirect:/referrals/" + id;
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return page(id, model);
		}
		catch (ReferralRefused e) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("refusal", e);
			return page(id, model);
		}
	}

	/** The handover letter of a sent external referral, to download or print. */
	@GetMapping("/referrals/{id}/letter.pdf")
	org.springframework.http.ResponseEntity<byte[]> letter(@PathVariable long id) {
		try {
			return pdf(referrals.handoverLetter(id), "overlamning-" + id + ".pdf");
		}
		catch (ReferralRefused e) {
			// no letter for a draft or an internal referral: the error page says so,
			// never a 5xx
			throw new org.springframework.web.server.ResponseStatusException(HttpStatus.CONFLICT);
		}
	}

	static org.springframework.http.ResponseEntity<byte[]> pdf(byte[] pdf, String filename) {
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
			.header("Cache-Control", "no-store")
			.body(pdf);
	}

	@PostMapping("/cases/{caseId}/consents/{id}/withdraw")
	String withdrawConsent(@PathVariable long caseId, @PathVariable long id,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String reason,
			RedirectAttributes redirect, FormToken token) {
		return token.once("consent.withdraw." + id, () -> {
			referrals.withdrawConsent(caseId, id, reason);
			redirect.addFlashAttribute("message", "consent.withdrawnNow");
			return "redirect:/cases/" + caseId + "#consents";
		});
	}

	@PostMapping("/cases/{caseId}/consents")
	String recordConsent(@PathVariable long caseId, @ModelAttribute("consentForm") ConsentForm form,
			BindingResult result, Model model, RedirectAttributes redirect, FormToken token) {
		try {
			return token.once("consent.record", () -> {
				referrals.recordConsent(caseId, form.toNewConsent());
				redirect.addFlashAttribute("message", "consent.recorded");
				return "redirect:/cases/" + caseId + "#consents";
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			CaseFile caseFile = cases.find(caseId, ReadPurpose.CONSENT).orElseThrow(CaseAccess::notFound);
			model.addAttribute("caseFile", caseFile);
			model.addAttribute("consentKinds", ConsentKind.values());
			model.addAttribute("consentToday", LocalDate.now(clock));
			return "casework/referral-consent";
		}
	}

	private String act(long id, ReferralActionForm form, BindingResult result, Model model,
			HttpServletResponse response, RedirectAttributes redirect, String done, Runnable transition) {
		try {
			transition.run();
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return page(id, model);
		}
		catch (ReferralRefused e) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("refusal", e);
			return page(id, model);
		}
		redirect.addFlashAttribute("message", done);
		return "redirect:/referrals/" + id;
	}

	private String page(long id, Model model) {
		Referral referral = referrals.find(id, ReadPurpose.VIEW).orElseThrow(CaseAccess::notFound);
		CurrentUser user = CurrentUser.require();
		model.addAttribute("referral", referral);
		model.addAttribute("sender", user.belongsTo(referral.fromUnit()));
		model.addAttribute("receiver", referral.toUnit() != null && user.belongsTo(referral.toUnit()));
		model.addAttribute("manager", user.hasRole(Role.MANAGER));
		model.addAttribute("delivery", referrals.delivery(id).orElse(null));
		model.addAttribute("deliveryWays", DeliveryWay.values());
		model.addAttribute("today", LocalDate.now(clock));
		if (referral.municipality() != null) {
			model.addAttribute("municipalityName",
					municipalities.find(referral.municipality()).map(m -> m.name()).orElse(referral.recipientName()));
		}
		return "casework/referral";
	}

	private String form(CaseFile caseFile, Model model) {
		model.addAttribute("caseFile", caseFile);
		List<Unit> targets = units.all()
			.stream()
			.filter(Unit::active)
			.filter(u -> !u.code().equals(caseFile.unit()))
			.toList();
		model.addAttribute("targetUnits", targets);
		model.addAttribute("municipalities", municipalities.all());
		model.addAttribute("targetKinds", ReferralTargetKind.values());
		return "casework/referral-form";
	}

}
