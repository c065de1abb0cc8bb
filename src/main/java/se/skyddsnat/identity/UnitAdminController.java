package se.skyddsnat.identity;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.Setter;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.skyddsnat.idempotency.FormToken;
import se.skyddsnat.shared.InvalidInput;

/** Units for administrators: the seeded ones and any new ones, with a stable code. */
@Controller
@RequestMapping("/admin/units")
@PreAuthorize("hasRole('ADMIN')")
@RequiredArgsConstructor
class UnitAdminController {

	@Getter
	@Setter
	public static class UnitForm {

		private String code;

		private String name;

		private boolean active = true;

	}

	private final Units units;

	@GetMapping
	String list(@ModelAttribute("form") UnitForm form, Model model) {
		model.addAttribute("units", units.all());
		return "identity/units";
	}

	@PostMapping
	String create(@ModelAttribute("form") UnitForm form, BindingResult result, Model model, RedirectAttributes redirect,
			FormToken token) {
		try {
			return token.once("unit.create", () -> {
				units.create(form.getCode() == null ? null : form.getCode().trim().toUpperCase(), form.getName());
				redirect.addFlashAttribute("message", "unit.created");
				return "redirect:/admin/units";
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			model.addAttribute("units", units.all());
			return "identity/units";
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		var unit = units.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var form = new UnitForm();
		form.setCode(unit.code().value());
		form.setName(unit.name());
		form.setActive(unit.active());
		model.addAttribute("unit", unit);
		model.addAttribute("form", form);
		return "identity/unit-edit";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") UnitForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		var unit = units.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			units.update(id, form.getName(), form.isActive());
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			model.addAttribute("unit", unit);
			return "identity/unit-edit";
		}
		redirect.addFlashAttribute("message", "unit.saved");
		return "redirect:/admin/units";
	}

}
