package se.skyddsnat.casework.web;

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
import org.springframework.web.bind.annotation.RequestParam;

import se.skyddsnat.idempotency.FormToken;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.outreach.Gender;
import se.skyddsnat.outreach.OutreachService;
import se.skyddsnat.outreach.ShiftView;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.casework.Cases;
import se.skyddsnat.casework.People;
import se.skyddsnat.shared.Keyset;
import se.skyddsnat.casework.Person;
import se.skyddsnat.casework.PersonEditStale;
import se.skyddsnat.casework.Protection;
import se.skyddsnat.casework.core.CaseAccess;

/**
 * People: the list and search, registering (with the duplicate check), a person's page,
 * "show" for protected.
 */
@Controller
@RequiredArgsConstructor
class PersonController {

	private final People people;

	private final Cases cases;

	private final OutreachService outreach;

	private final Municipalities municipalities;

	private final Clock clock;

	@GetMapping("/people")
	String list(@RequestParam(required = false) Long encounterId, @RequestParam(required = false) String after,
			@RequestParam(required = false) String before, Model model) {
		return people(null, encounterId, Keyset.Request.of(after, before, null), model);
	}

	/**
	 * Search by POST: a personnummer or a name must not end up in a URL (history,
	 * proxies, access logs).
	 */
	@PostMapping("/people/search")
	String search(@RequestParam(name = "q", required = false) String query,
			@RequestParam(required = false) Long encounterId, Model model) {
		return people(query, encounterId, Keyset.Request.first(), model);
	}

	private String people(String query, Long encounterId, Keyset.Request request, Model model) {
		if (encounterId != null) {
			model.addAttribute("encounter", encounter(encounterId));
			model.addAttribute("encounterId", encounterId);
		}
		model.addAttribute("q", query);
		if (query == null || query.isBlank()) {
			Keyset.Page<Person> page = people.recent(request);
			model.addAttribute("people", page.items());
			model.addAttribute("page", page);
		}
		else {
			model.addAttribute("people", people.search(query));
		}
		model.addAttribute("searched", query != null && !query.isBlank());
		return "casework/people";
	}

	/**
	 * The form; from an outreach encounter it is filled with what was recorded on the
	 * shift (anonymously).
	 */
	@GetMapping("/people/new")
	String newPerson(@ModelAttribute("form") PersonForm form, Model model) {
		if (form.getEncounterId() != null) {
			var shift = encounter(form.getEncounterId());
			var e = shift.encounters().stream().filter(x -> x.id() == form.getEncounterId()).findFirst().orElseThrow();
			form.setKind("anonymous");
			form.setGender(e.gender().code());
			if (e.age() != null) {
				form.setBirthYear(Integer.toString(shift.date().getYear() - e.age()));
			}
			form.setHomeMunicipality(e.home().code());
			model.addAttribute("encounter", shift);
		}
		return form(model);
	}

	@PostMapping("/people")
	String register(@ModelAttribute("form") PersonForm form, BindingResult result, Model model, FormToken token) {
		try {
			return token.once("person.register", () -> {
				long id = people.register(form.toNewPerson());
				if (form.getEncounterId() != null) {
					return "redirect:/cases/new?personId=" + id + "&encounterId=" + form.getEncounterId();
				}
				return "redirect:/people/" + id + "?saved";
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
		}
		catch (People.PossibleDuplicates e) {
			model.addAttribute("duplicates", e.matches());
		}
		return form(model);
	}

	@GetMapping("/people/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) String saved,
			@RequestParam(required = false) String corrected, Model model) {
		Person person = people.find(id, ReadPurpose.VIEW).orElseThrow(CaseAccess::notFound);
		model.addAttribute("person", person);
		model.addAttribute("cases", cases.ofPerson(id));
		model.addAttribute("saved", saved != null);
		model.addAttribute("corrected", corrected != null);
		model.addAttribute("revealed", false);
		model.addAttribute("history", people.history(id, false));
		return "casework/person";
	}

	/** The explicit, logged "show" of a protected identity. */
	@PostMapping("/people/{id}/reveal")
	String reveal(@PathVariable long id, @RequestParam(required = false) String reason, Model model) {
		try {
			model.addAttribute("person", people.reveal(id, reason));
		}
		catch (InvalidInput e) {
			// no reason: the page as it was, masked, with the reason asked for again at
			// the form
			model.addAttribute("person", people.find(id, ReadPurpose.VIEW).orElseThrow(CaseAccess::notFound));
			model.addAttribute("revealErrors", e.violations());
			model.addAttribute("revealed", false);
			model.addAttribute("cases", cases.ofPerson(id));
			model.addAttribute("saved", false);
			model.addAttribute("corrected", false);
			model.addAttribute("history", people.history(id, false));
			return "casework/person";
		}
		model.addAttribute("revealed", true);
		model.addAttribute("cases", cases.ofPerson(id));
		model.addAttribute("saved", false);
		model.addAttribute("corrected", false);
		model.addAttribute("history", people.history(id, true));
		return "casework/person";
	}

	/**
	 * The correction form, filled with the record as it is now (its version kept in the
	 * form).
	 */
	@GetMapping("/people/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		model.addAttribute("form", PersonForm.of(people.forEdit(id)));
		model.addAttribute("personId", id);
		return form(model);
	}

	/**
	 * Saves the correction once; a stale version is refused with a message on the form,
	 * nothing lost silently.
	 */
	@PostMapping("/people/{id}/edit")
	String correct(@PathVariable long id, @ModelAttribute("form") PersonForm form, BindingResult result, Model model,
			FormToken token) {
		model.addAttribute("personId", id);
		try {
			return token.once("person.correct." + id, () -> {
				people.update(id, form.toEdit());
				return "redirect:/people/" + id + "?corrected";
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
		}
		catch (People.PossibleDuplicates e) {
			model.addAttribute("duplicates", e.matches());
		}
		catch (PersonEditStale e) {
			model.addAttribute("stale", true);
		}
		return form(model);
	}

	private ShiftView encounter(long encounterId) {
		return outreach.findByEncounter(encounterId).orElseThrow(CaseAccess::notFound);
	}

	private String form(Model model) {
		model.addAttribute("units", java.util.List.copyOf(CurrentUser.require().units()));
		model.addAttribute("genders", Gender.values());
		model.addAttribute("ageBands",
				People.AGE_BANDS.stream()
					.sorted(java.util.Comparator
						.comparing(b -> b.equals("51+") ? 99 : Integer.parseInt(b.substring(0, b.indexOf('-')))))
					.toList());
		model.addAttribute("protections", Protection.values());
		model.addAttribute("municipalities", municipalities.byName());
		model.addAttribute("thisYear", LocalDate.now(clock).getYear());
		return "casework/person-form";
	}

}
