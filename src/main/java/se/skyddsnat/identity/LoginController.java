package se.skyddsnat.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The login page; Spring Security handles the POST. */
@Controller
@RequiredArgsConstructor
class LoginController {

	/**
	 * Where a login with a control character in a field is forwarded to: 400 and the page
	 * naming the field.
	 */
	static final String REFUSED = "/login/refused";
	static final String REFUSED_FIELD = LoginController.class.getName() + ".field";

	private final OidcProperties oidc;

	@org.springframework.web.bind.annotation.ModelAttribute
	void loginChoices(Model model) {
		model.addAttribute("oidcLogin", oidc.enabled());
		model.addAttribute("passwordLogin", !(oidc.enabled() && oidc.only()));
	}

	@GetMapping("/login")
	String login() {
		return CurrentUser.get().isPresent() ? "redirect:/" : "identity/login";
	}

	/**
	 * The identity provider vouched for someone who is no Skyddsnät user: a clear page
	 * (the attempt is audited).
	 */
	@GetMapping(OidcLogin.REFUSED)
	String oidcRefused(HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		model.addAttribute("currentPath", "/login");
		return "identity/oidc-refused";
	}

	@RequestMapping(REFUSED)
	String refused(HttpServletRequest request, HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		model.addAttribute("refusedField",
				"password".equals(request.getAttribute(REFUSED_FIELD)) ? "password" : "username");
		model.addAttribute("currentPath", "/login");
		return "identity/login";
	}

}
