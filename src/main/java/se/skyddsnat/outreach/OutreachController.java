package se.skyddsnat.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.function.Function;

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
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.Keyset;

/**
 * Recording a shift on a phone right after it: one form, one column, "add another person" without
 * a page reload (htmx; a plain form post does the same without JavaScript), a summary before saving.
 */
@Controller
class OutreachController {

    private final DefaultOutreachService outreach;
    private final UnitDirectory units;
    private final Municipalities municipalities;
    private final Clock clock;

    OutreachController(DefaultOutreachService outreach, UnitDirectory units, Municipalities municipalities,
            Clock clock) {
        this.outreach = outreach;
        this.units = units;
        this.municipalities = municipalities;
        this.clock = clock;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("allUnits", units.all().stream().filter(u -> u.active()).toList());
        model.addAttribute("allMunicipalities", municipalities.all());
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
        form.getEncounters().add(new ShiftForm.EncounterForm());
        return "outreach/shift-form";
    }

    /** One more person row, for htmx ("Lägg till person"). */
    @GetMapping("/outreach/shifts/new/person")
    String personRow(@RequestParam(name = "nextIndex") int index, Model model) {
        var form = new ShiftForm();
        for (int i = 0; i <= Math.min(Math.max(index, 0), 200); i++) {
            form.getEncounters().add(new ShiftForm.EncounterForm());
        }
        model.addAttribute("form", form);
        model.addAttribute("index", Math.min(Math.max(index, 0), 200));
        return "outreach/shift-form :: person-added";
    }

    /** The form's buttons: add or remove a person, review, go back and edit, save. */
    @PostMapping("/outreach/shifts")
    String submit(@ModelAttribute("form") ShiftForm form, BindingResult result,
            @RequestParam(defaultValue = "review") String action, Model model, RedirectAttributes redirect,
            FormToken token) {
        if (action.equals("add")) {
            form.getEncounters().add(new ShiftForm.EncounterForm());
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
            // the form's token: a double tap or "back and save again" stores one shift and one set of tasks
            return token.once("shift.record", () -> {
                long id = outreach.record(shift);
                long minors = shift.encounters().stream().filter(NewEncounter::isMinor).count();
                redirect.addFlashAttribute("message", minors > 0 ? "outreach.saved.minors" : "outreach.saved");
                redirect.addFlashAttribute("messageArg", minors * 2);
                return "redirect:/outreach/shifts/" + id;
            });
        } catch (InvalidInput e) {
            e.rejectInto(result);
            return "outreach/shift-form";
        }
    }

    @GetMapping("/outreach/shifts/{id}")
    String show(@PathVariable long id, Model model) {
        ShiftView shift = outreach.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("shift", shift);
        return "outreach/shift";
    }

    /** Parses the form with the import's rules; puts each problem next to its field. */
    private NewShift parse(ShiftForm form, BindingResult result) {
        var shift = outreach.parser().shiftWithPeople(form::value,
                form.getEncounters().stream().map(e -> (Function<String, String>) e::value).toList());
        shift.problems().forEach(p -> result.rejectValue(ShiftForm.field(p.column()), p.messageKey(), p.args(),
                p.messageKey()));
        return shift.ok() && !result.hasErrors() ? shift.value() : null;
    }
}
