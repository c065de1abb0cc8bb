package se.skyddsnat.region.agreement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.Municipality;
import se.skyddsnat.region.RegionalOfferStatus;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;

/**
 * The municipalities for everyone logged in: code, population and its year, status in the
 * offer today; per municipality its agreement history, which a COORDINATOR or ADMIN
 * extends (new, ended, changed services).
 */
@Controller
@RequiredArgsConstructor
class MunicipalityController {

	private final Municipalities municipalities;

	private final Agreements agreements;

	private final Clock clock;

	@GetMapping("/municipalities")
	String page(Model model) {
		var all = municipalities.byName();
		Map<MunicipalityCode, RegionalOfferStatus> status = agreements.statusOn(all, LocalDate.now(clock));
		model.addAttribute("municipalities", all);
		model.addAttribute("status", status);
		model.addAttribute("totalPopulation", all.stream().mapToLong(Municipality::population).sum());
		model.addAttribute("joined", status.values().stream().filter(s -> s == RegionalOfferStatus.JOINED).count());
		return "region/municipalities";
	}

	@GetMapping("/municipalities/{code}")
	String municipality(@PathVariable String code, Model model) {
		return detail(code, new AgreementForm(), null, model);
	}

	@PostMapping("/municipalities/{code}/agreements")
	String start(@PathVariable String code, @ModelAttribute("form") AgreementForm form, BindingResult result,
			Model model, RedirectAttributes redirect, FormToken token) {
		Municipality m = find(code);
		try {
			return token.once("agreement.start", () -> {
				agreements.start(m.code(), form.newAgreement());
				redirect.addFlashAttribute("message", "agreement.saved");
				return "redirect:/municipalities/" + m.code();
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return detail(code, form, "new", model);
		}
	}

	@PostMapping("/municipalities/{code}/agreements/{id}/end")
	String end(@PathVariable String code, @PathVariable long id, @ModelAttribute("form") AgreementForm form,
			BindingResult result, Model model, RedirectAttributes redirect, FormToken token) {
		Municipality m = find(code);
		if (agreements.history(m.code()).stream().noneMatch(a -> a.id() == id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		try {
			return token.once("agreement.end", () -> {
				agreements.end(id, Input.readDate(form.getEndsOn()));
				redirect.addFlashAttribute("message", "agreement.ended");
				return "redirect:/municipalities/" + m.code();
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return detail(code, form, "end", model);
		}
	}

	@PostMapping("/municipalities/{code}/agreements/change")
	String change(@PathVariable String code, @ModelAttribute("form") AgreementForm form, BindingResult result,
			Model model, RedirectAttributes redirect, FormToken token) {
		Municipality m = find(code);
		try {
			return token.once("agreement.change", () -> {
				agreements.changeServices(m.code(), form.serviceChange());
				redirect.addFlashAttribute("message", "agreement.changed");
				return "redirect:/municipalities/" + m.code();
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return detail(code, form, "change", model);
		}
	}

	/**
	 * The page; {@code failed} names the form whose errors to show (the others start
	 * empty).
	 */
	private String detail(String code, AgreementForm form, String failed, Model model) {
		Municipality m = find(code);
		LocalDate today = LocalDate.now(clock);
		List<Agreement> history = agreements.history(m.code());
		model.addAttribute("municipality", m);
		model.addAttribute("history", history);
		model.addAttribute("open", history.stream().filter(Agreement::open).findFirst().orElse(null));
		model.addAttribute("statusToday", municipalities.offerStatusOn(m.code(), today).orElseThrow());
		model.addAttribute("services", OfferService.values());
		model.addAttribute("today", today);
		model.addAttribute("failed", failed);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", form);
		}
		return "region/municipality";
	}

	private Municipality find(String code) {
		if (!MunicipalityCode.isValid(code)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return municipalities.find(MunicipalityCode.of(code))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
