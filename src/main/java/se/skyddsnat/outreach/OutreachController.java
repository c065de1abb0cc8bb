package se.skyddsnat.outreach;

import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.skyddsnat.idempotency.FormToken;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.UnitDirectory;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.Municipality;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.Keyset;

/**
 * Recording a shift on a phone right after it: one form, one column, "add another person"
 * without a page reload (htmx; a plain form post does the same without JavaScript), a
 * summary before saving. Quick after a raid: support offered by the recording unit unless
 * changed, "same as the previous person" for a new row (all but the age), the home
 * municipality typed by name (resolved to its code here, before the import's rules run),
 * "under 18" following a typed age ({@link ShiftForm.EncounterForm}).
 */
@Controller
@RequiredArgsConstructor
class OutreachController {

	private final DefaultOutreachService outreach;

	private final UnitDirectory units;

	private final Municipalities municipalities;

	private final Clock clock;

	private final MessageSource messages;

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("allUnits", units.all().stream().filter(u -> u.active()).toList());
		model.addAttribute("allMunicipalities", municipalities.byName());
		Collator collator = Collator.getInstance(Locale.forLanguageTag("sv"));
		model.addAttribute("municipalitiesByName",
				municipalities.all().stream().sorted(Comparator.comparing(Municipality::name, collator)).toList());
		model.addAttribute("homeNames", homeNames());
		model.addAttribute("kinds", ShiftKind.values());
		model.addAttribute("operations", PoliceOperation.values());
		model.addAttribute("arenas", Arena.values());
		model.addAttribute("roles", EncounterRole.values());
		model.addAttribute("genders", Gender.values());
		model.addAttribute("answers", Answer.values());
		model.addAttribute("today", LocalDate.now(clock));
	}

	@GetMapping("/outreach")
	String list(@RequestParam(required = false) String after, @RequestParam(required = false) String before,
			Model model) {
		Keyset.Page<ShiftView.Summary> page = outreach.recent(Keyset.Request.of(after, before, null));
		model.addAttribute("shifts", page.items());
		model.addAttribute("page", page);
		return "outreach/shifts";
	}

	@GetMapping("/outreach/shifts/new")
	String newShift(@ModelAttribute("form") ShiftForm form) {
		form.setDate(LocalDate.now(clock).toString());
		form.setUnits(new ArrayList<>(CurrentUser.require().units().stream().map(u -> u.value()).toList()));
		form.getEncounters().add(newEncounter());
		return "outreach/shift-form";
	}

	/** One more person row, for htmx ("Lägg till person"). */
	@GetMapping("/outreach/shifts/new/person")
	String personRow(@RequestParam(name = "nextIndex") int index, Model model) {
		var form = new ShiftForm();
		for (int i = 0; i <= Math.min(Math.max(index, 0), 200); i++) {
			form.getEncounters().add(newEncounter());
		}
		model.addAttribute("form", form);
		model.addAttribute("index", Math.min(Math.max(index, 0), 200));
		return "outreach/shift-form :: person-added";
	}

	/**
	 * One more person row like the one before it (all but the age), for htmx ("samma som
	 * föregående person").
	 */
	@PostMapping("/outreach/shifts/new/person")
	String copiedRow(@ModelAttribute("form") ShiftForm form, @RequestParam(name = "nextIndex") int nextIndex,
			Model model) {
		int index = Math.min(Math.max(nextIndex, 0), 200);
		var rows = form.getEncounters();
		while (rows.size() > index) {
			rows.removeLast();
		}
		ShiftForm.EncounterForm previous = rows.isEmpty() ? null : rows.getLast();
		while (rows.size() < index) {
			rows.add(newEncounter());
		}
		rows.add(previous == null ? newEncounter() : previous.copy());
		model.addAttribute("index", index);
		return "outreach/shift-form :: person-added";
	}

	/** The form's buttons: add or remove a person, review, go back and edit, save. */
	@PostMapping("/outreach/shifts")
	String submit(@ModelAttribute("form") ShiftForm form, BindingResult result,
			@RequestParam(defaultValue = "review") String action, Model model, RedirectAttributes redirect,
			FormToken token) {
		if (action.equals("add")) {
			form.getEncounters().add(newEncounter());
			return "outreach/shift-form";
		}
		if (action.equals("copy")) {
			var rows = form.getEncounters();
			rows.add(rows.isEmpty() ? newEncounter() : rows.getLast().copy());
			return "outreach/shift-form";
		}
		if (action.startsWith("remove-")) {
			Long index = se.skyddsnat.shared.Input.readWhole(action.substring(7));
			if (index != null && index >= 0 && index < form.getEncounters().size()) {
				form.getEncounters().remove(index.intValue());
			}
			return "outreach/shift-form";
		}
		if (action.equals("edit")) {
			return "outreach/shift-form";
		}
		NewShift shift = parse(form, result);
		if (shift == null) {
			return "outreach/shift-form";
		}
		if (!action.equals("save")) {
			model.addAttribute("shift", shift);
			return "outreach/shift-review";
		}
		try {
			// the form's token: a double tap or "back and save again" stores one shift
			// and one set of tasks
			return token.once("shift.record", () -> {
				long id = outreach.record(shift);
				long minors = shift.encounters().stream().filter(NewEncounter::isMinor).count();
				redirect.addFlashAttribute("message", minors > 0 ? "outreach.saved.minors" : "outreach.saved");
				redirect.addFlashAttribute("messageArg", minors * 2);
				return "redirect:/outreach/shifts/" + id;
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return "outreach/shift-form";
		}
	}

	@GetMapping("/outreach/shifts/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) String voided, Model model) {
		ShiftView shift = outreach.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("shift", shift);
		model.addAttribute("voidedNow", voided != null);
		return "outreach/shift";
	}

	/**
	 * A new person row: support offered by the recording unit (the user's first unit),
	 * accepted unknown.
	 */
	private static ShiftForm.EncounterForm newEncounter() {
		var row = new ShiftForm.EncounterForm();
		CurrentUser.require().units().stream().findFirst().ifPresent(u -> row.setOfferedBy(u.value()));
		return row;
	}

	/**
	 * What the home field shows for a value the form holds: a municipality's name,
	 * "Utomlands", empty for unknown.
	 */
	private Map<String, String> homeNames() {
		var names = new LinkedHashMap<String, String>();
		names.put("unknown", "");
		names.put("abroad", messages.getMessage("outreach.home.abroad", null, LocaleContextHolder.getLocale()));
		municipalities.all().forEach(m -> names.put(m.code().value(), m.name()));
		return names;
	}

	/**
	 * The home municipality as the import's rules take it: a name (any case) becomes its
	 * code, empty or "Okänd hemkommun" unknown, "Utomlands" abroad; anything else is left
	 * as typed for the rules to refuse.
	 */
	private void resolveHomes(ShiftForm form) {
		Locale locale = LocaleContextHolder.getLocale();
		String abroad = messages.getMessage("outreach.home.abroad", null, locale);
		String unknown = messages.getMessage("outreach.home.unknown", null, locale);
		for (var row : form.getEncounters()) {
			String typed = row.getHome() == null ? "" : row.getHome().strip();
			if (typed.isEmpty() || typed.equalsIgnoreCase(unknown) || typed.equalsIgnoreCase("okänd")) {
				row.setHome("unknown");
			}
			else if (typed.equalsIgnoreCase(abroad)) {
				row.setHome("abroad");
			}
			else {
				municipalities.all()
					.stream()
					.filter(m -> m.name().equalsIgnoreCase(typed))
					.findFirst()
					.ifPresent(m -> row.setHome(m.code().value()));
			}
		}
	}

	/**
	 * Voids the shift with the reason given; bad input is shown on the shift page itself.
	 */
	@PostMapping("/outreach/shifts/{id}/void")
	String voidShift(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			FormToken token) {
		try {
			return token.once("shift.void." + id, () -> {
				outreach.voidShift(id, reason);
				return "redirect:/outreach/shifts/" + id + "?voided";
			});
		}
		catch (InvalidInput | AlreadyVoided e) {
			model.addAttribute("voidError",
					e instanceof AlreadyVoided ? "outreach.error.alreadyVoided" : "outreach.error.voidReason");
			return show(id, null, model);
		}
	}

	/** Voids one encounter of the shift with the reason given. */
	@PostMapping("/outreach/shifts/{id}/encounters/{encounterId}/void")
	String voidEncounter(@PathVariable long id, @PathVariable long encounterId,
			@RequestParam(required = false) String reason, Model model, FormToken token) {
		try {
			return token.once("encounter.void." + encounterId, () -> {
				outreach.voidEncounter(encounterId, reason);
				return "redirect:/outreach/shifts/" + id + "?voided";
			});
		}
		catch (InvalidInput | AlreadyVoided e) {
			model.addAttribute("voidError",
					e instanceof AlreadyVoided ? "outreach.error.alreadyVoided" : "outreach.error.voidReason");
			return show(id, null, model);
		}
	}

	/** Parses the form with the import's rules; puts each problem next to its field. */
	private NewShift parse(ShiftForm form, BindingResult result) {
		resolveHomes(form);
		var shift = outreach.parser()
			.shiftWithPeople(form::value,
					form.getEncounters().stream().map(e -> (Function<String, String>) e::value).toList());
		// the form takes a municipality by name: its own words for a name it does not
		// know
		shift.problems().forEach(p -> {
			String key = p.messageKey().equals("outreach.error.home") ? "outreach.form.error.home" : p.messageKey();
			result.rejectValue(ShiftForm.field(p.column()), key, p.args(), key);
		});
		return shift.ok() && !result.hasErrors() ? shift.value() : null;
	}

}
