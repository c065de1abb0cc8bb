package se.skyddsnat.identity;

import java.time.Clock;

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

/**
 * Users for administrators: list, create (with a one-time password), change, unlock,
 * reset password.
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

	private final UserService users;

	private final Units units;

	private final SecondFactors secondFactors;

	private final Clock clock;

	UserAdminController(UserService users, Units units, SecondFactors secondFactors, Clock clock) {
		this.users = users;
		this.secondFactors = secondFactors;
		this.units = units;
		this.clock = clock;
	}

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("allRoles", Role.values());
		model.addAttribute("allUnits", units.all());
		model.addAttribute("now", clock.instant());
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", users.all());
		return "identity/users";
	}

	@GetMapping("/new")
	String newUser(@ModelAttribute("form") UserForm form) {
		return "identity/user-new";
	}

	@PostMapping
	String create(@ModelAttribute("form") UserForm form, BindingResult result, Model model, FormToken token) {
		try {
			return token.onceShowing("user.create", () -> {
				var created = users.createWithOneTimePassword(form.details());
				// Shown in this response only: not in a URL, not in the session, not in a
				// log. A repeat of the form
				// goes to the user's page instead (the password is never kept to be shown
				// again).
				model.addAttribute("created", created.account());
				model.addAttribute("oneTimePassword", created.oneTimePassword());
				return new FormToken.Shown("identity/user-created", "redirect:/admin/users/" + created.account().id());
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return "identity/user-new";
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		var account = users.find(id)
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
		model.addAttribute("account", account);
		model.addAttribute("form", UserForm.of(account));
		secondFactorState(account, model);
		return "identity/user-edit";
	}

	private void secondFactorState(UserAccount account, Model model) {
		secondFactors.enrolledAt(account.id()).ifPresent(at -> {
			model.addAttribute("secondFactorSince", at);
			model.addAttribute("recoveryCodesLeft", secondFactors.unusedRecoveryCodes(account.id()));
		});
	}

	/**
	 * The user lost the phone (and the recovery codes): they enrol again at the next
	 * login. Audited.
	 */
	@PostMapping("/{id}/reset-second-factor")
	String resetSecondFactor(@PathVariable long id, RedirectAttributes redirect) {
		var account = users.find(id)
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
		secondFactors.reset(account.id(), account.username());
		redirect.addFlashAttribute("message", "user.secondFactor.wasReset");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") UserForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		var account = users.find(id)
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
		try {
			users.update(id, form.details(), form.isEnabled(), CurrentUser.require());
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			model.addAttribute("account", account);
			secondFactorState(account, model);
			return "identity/user-edit";
		}
		redirect.addFlashAttribute("message", "user.saved");
		return "redirect:/admin/users";
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		users.unlock(id);
		redirect.addFlashAttribute("message", "user.unlocked");
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/reset-password")
	String resetPassword(@PathVariable long id, Model model) {
		var account = users.find(id)
			.orElseThrow(() -> new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
		model.addAttribute("created", account);
		model.addAttribute("oneTimePassword", users.resetPassword(id));
		model.addAttribute("reset", true);
		return "identity/user-created";
	}

}
