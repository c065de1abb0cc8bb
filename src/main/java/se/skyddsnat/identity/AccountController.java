package se.skyddsnat.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.Setter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.skyddsnat.shared.InvalidInput;

/** Each user changes their own password here; a one-time password leads here first. */
@Controller
@RequiredArgsConstructor
class AccountController {

	@Getter
	@Setter
	static class PasswordForm {

		private String currentPassword;

		private String newPassword;

		private String confirmation;

	}

	private final UserService users;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	@GetMapping("/account/password")
	String form(@ModelAttribute("form") PasswordForm form) {
		return "identity/password";
	}

	@PostMapping("/account/password")
	String change(@ModelAttribute("form") PasswordForm form, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		CurrentUser user = CurrentUser.require();
		try {
			users.changeOwnPassword(user, form.getCurrentPassword(), form.getNewPassword(), form.getConfirmation());
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			form.setCurrentPassword(null);
			form.setNewPassword(null);
			form.setConfirmation(null);
			return "identity/password";
		}
		CurrentUser changed = user.withPasswordChanged();
		var context = SecurityContextHolder.createEmptyContext();
		context
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(changed, null, changed.authorities()));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		redirect.addFlashAttribute("message", "password.changed");
		return "redirect:/";
	}

}
