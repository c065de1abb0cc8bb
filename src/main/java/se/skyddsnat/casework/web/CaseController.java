package se.skyddsnat.casework.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.skyddsnat.idempotency.FormToken;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.casework.CaseFile;
import se.skyddsnat.casework.CaseKind;
import se.skyddsnat.casework.CaseRole;
import se.skyddsnat.casework.Cases;
import se.skyddsnat.casework.NewCase;
import se.skyddsnat.casework.People;
import se.skyddsnat.casework.core.CaseAccess;
import se.skyddsnat.shared.Keyset;

/**
 * Cases: the list, opening one for a person, the case page with its sections, closing,
 * and emergency access.
 */
@Controller
@RequiredArgsConstructor
class CaseController {

	private final Cases cases;

	private final People people;

	private final CasePage casePage;

	private final Clock clock;

	/**
	 * The case list: filtered by status (open, closed, all) and sorted by a whitelisted
	 * key; anything else falls back.
	 */
	@GetMapping("/cases")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) String sort,
			Model model) {
		String shown = "closed".equals(status) || "all".equals(status) ? status : "open";
		String by = sort != null && Cases.SORTS.contains(sort) ? sort : "opened";
		model.addAttribute("cases", cases.list(shown, by, 200));
		model.addAttribute("status", shown);
		model.addAttribute("sort", by);
		return "casework/cases";
	}

	@GetMapping("/cases/new")
	String newCase(@RequestParam long personId, @RequestParam(required = false) Long encounterId,
			@ModelAttribute("form") CaseForm form, Model model) {
		form.setPersonId(personId);
		form.setEncounterId(encounterId);
		form.setOpenedOn(LocalDate.now(clock).toString());
		return form(form, model);
	}

	@PostMapping("/cases")
	String open(@ModelAttribute("form") CaseForm form, BindingResult result, Model model, RedirectAttributes redirect,
			FormToken token) {
		var members = new ArrayList<NewCase.Member>();
		if (form.getPersonId() != null) {
			members.add(new NewCase.Member(form.getPersonId(), form.getRole()));
		}
		try {
			return token.once("case.open", () -> {
				long id = cases.open(new NewCase(form.getUnit(), form.getKind(), form.getOpenedOn(), form.getReason(),
						null, members, form.getEncounterId()));
				redirect.addFlashAttribute("message", "case.opened");
				return "redirect:/cases/" + id;
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return form(form, model);
		}
	}

	@GetMapping("/cases/{id}")
	String show(@PathVariable long id, Model model) {
		return page(cases.find(id, ReadPurpose.VIEW).orElseThrow(CaseAccess::notFound), model);
	}

	/**
	 * The case page with people to add (a couple at KAST, a relative, a child); POST
	 * keeps the query out of URLs.
	 */
	@PostMapping("/cases/{id}/people/search")
	String searchPeople(@PathVariable long id, @RequestParam(required = false) String q, Model model) {
		CaseFile caseFile = cases.find(id, ReadPurpose.VIEW).orElseThrow(CaseAccess::notFound);
		if (q != null && !q.isBlank() && CurrentUser.require().belongsTo(caseFile.unit())) {
			model.addAttribute("q", q);
			model.addAttribute("addHits",
					people.search(q)
						.stream()
						.filter(p -> caseFile.people().stream().noneMatch(cp -> cp.person().id() == p.id()))
						.toList());
		}
		return page(caseFile, model);
	}

	@PostMapping("/cases/{id}/people")
	String addPerson(@PathVariable long id, @RequestParam long personId, @RequestParam(required = false) String role,
			RedirectAttributes redirect, FormToken token) {
		return token.once("case.addPerson:" + personId, () -> {
			cases.addPerson(id, personId, role);
			redirect.addFlashAttribute("message", "case.personAdded");
			return "redirect:/cases/" + id;
		});
	}

	@PostMapping("/cases/{id}/close")
	String close(@PathVariable long id, @RequestParam(required = false) String closedOn,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect, FormToken token) {
		try {
			return token.once("case.close", () -> {
				cases.close(id, new Cases.Closing(closedOn, outcome), reason);
				redirect.addFlashAttribute("message", "case.closed");
				return "redirect:/cases/" + id;
			});
		}
		catch (InvalidInput e) {
			model.addAttribute("closeErrors", e.violations());
			return page(cases.find(id, ReadPurpose.VIEW).orElseThrow(CaseAccess::notFound), model);
		}
	}

	/** The case's print view (audited as an export); protected identities masked. */
	@GetMapping("/cases/{id}/print")
	String print(@PathVariable long id, Model model) {
		return casePage.print(cases.forPrint(id, false).orElseThrow(CaseAccess::notFound), false, model);
	}

	/**
	 * The print view with the protected identities shown ("Visa identiteten"; each
	 * logged).
	 */
	@PostMapping("/cases/{id}/print")
	String printRevealed(@PathVariable long id, Model model) {
		return casePage.print(cases.forPrint(id, true).orElseThrow(CaseAccess::notFound), true, model);
	}

	/** Reopens a closed case with the reason given. */
	@PostMapping("/cases/{id}/reopen")
	String reopen(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect, FormToken token) {
		try {
			return token.once("case.reopen", () -> {
				cases.reopen(id, reason);
				redirect.addFlashAttribute("message", "case.reopened");
				return "redirect:/cases/" + id;
			});
		}
		catch (InvalidInput e) {
			model.addAttribute("reopenErrors", e.violations());
			return page(cases.find(id, ReadPurpose.VIEW).orElseThrow(CaseAccess::notFound), model);
		}
	}

	/** Gives the case another responsible worker. */
	@PostMapping("/cases/{id}/responsible")
	String responsible(@PathVariable long id, @RequestParam(required = false) String responsible,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect, FormToken token) {
		try {
			return token.once("case.responsible", () -> {
				cases.changeResponsible(id, new Cases.ResponsibleChange(responsible, reason));
				redirect.addFlashAttribute("message", "case.responsibleChanged");
				return "redirect:/cases/" + id;
			});
		}
		catch (InvalidInput e) {
			model.addAttribute("responsibleErrors", e.violations());
			return page(cases.find(id, ReadPurpose.VIEW).orElseThrow(CaseAccess::notFound), model);
		}
	}

	@GetMapping("/emergency")
	String emergencyForm() {
		return "casework/emergency";
	}

	@PostMapping("/emergency")
	String emergency(@RequestParam(required = false) String personalNumber,
			@RequestParam(required = false) String reason, Model model, FormToken token) {
		model.addAttribute("personalNumber", personalNumber);
		model.addAttribute("reason", reason);
		try {
			// one grant for a double tap (the usual case: one record, a redirect that is
			// kept with the token)
			return token.once("emergency.open", () -> {
				List<Long> opened = cases.emergencyAccess(new Cases.EmergencyRequest(personalNumber, reason));
				if (opened.size() == 1) {
					return "redirect:/people/" + opened.getFirst();
				}
				model.addAttribute("opened", opened);
				return "casework/emergency";
			});
		}
		catch (InvalidInput e) {
			model.addAttribute("errors", e.violations());
			return "casework/emergency";
		}
	}

	private String page(CaseFile caseFile, Model model) {
		return casePage.render(caseFile, model);
	}

	private String form(CaseForm form, Model model) {
		if (form.getPersonId() != null) {
			model.addAttribute("person",
					people.find(form.getPersonId(), ReadPurpose.OPEN_CASE).orElseThrow(CaseAccess::notFound));
		}
		model.addAttribute("units", List.copyOf(CurrentUser.require().units()));
		model.addAttribute("kinds", CaseKind.values());
		model.addAttribute("roles", CaseRole.values());
		model.addAttribute("today", LocalDate.now(clock));
		return "casework/case-form";
	}

}
