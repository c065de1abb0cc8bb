package se.skyddsnat.identity;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a password login: the code from the authenticator app (or a recovery
 * code); at the first login the enrolment of the app (its secret shown as an otpauth://
 * address and as text, once, in this session only) and then the recovery codes, shown
 * once. Only here does a {@link PendingSecondFactor} session become a logged-in user.
 */
@Controller
@RequestMapping(SecondFactorController.PATH)
class SecondFactorController {

	static final String PATH = "/login/second-factor";

	private static final String ENROLMENT = SecondFactorController.class.getName() + ".enrolment";

	private final Authenticator authenticator;

	private final SecondFactors secondFactors;

	private final UserAccounts accounts;

	private final java.time.Clock clock;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SecondFactorController(Authenticator authenticator, SecondFactors secondFactors, UserAccounts accounts,
			java.time.Clock clock) {
		this.clock = clock;
		this.authenticator = authenticator;
		this.secondFactors = secondFactors;
		this.accounts = accounts;
	}

	@GetMapping
	String page(Authentication authentication, HttpSession session, Model model) {
		if (authentication == null || !(authentication.getPrincipal() instanceof PendingSecondFactor pending)) {
			return CurrentUser.get().isPresent() ? "redirect:/" : "redirect:/login";
		}
		return show(pending, session, model, false);
	}

	@PostMapping
	String answer(@RequestParam(name = "code", required = false) String code, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (authentication == null || !(authentication.getPrincipal() instanceof PendingSecondFactor pending)) {
			return CurrentUser.get().isPresent() ? "redirect:/" : "redirect:/login";
		}
		HttpSession session = request.getSession();
		var enrolment = (SecondFactors.Enrolment) session.getAttribute(ENROLMENT);
		try {
			if (enrolment != null && !secondFactors.enrolled(pending.userId())) {
				List<String> codes = new ArrayList<>();
				CurrentUser user = authenticator.enrolSecondFactor(pending.userId(), enrolment, code,
						request.getRemoteAddr(), codes);
				session.removeAttribute(ENROLMENT);
				logIn(user, request, response);
				// shown in this response only: not in the session, a URL or a log
				model.addAttribute("recoveryCodes", codes);
				model.addAttribute("currentUser", user);
				return "identity/recovery-codes";
			}
			logIn(authenticator.secondFactor(pending.userId(), code, request.getRemoteAddr(), "form"), request,
					response);
			return "redirect:/";
		}
		catch (LoginThrottled e) {
			return end(request, e.block() == LoginThrottle.Block.USER_NAME ? "throttledUser" : "throttled");
		}
		catch (DisabledException e) {
			return end(request, "disabled");
		}
		catch (BadCredentialsException | SecondFactorMissing e) {
			if (accounts.find(pending.userId()).filter(a -> a.enabled() && !a.lockedAt(clock.instant())).isEmpty()) {
				return end(request, "bad");
			}
			return show(pending, session, model, true);
		}
	}

	private String show(PendingSecondFactor pending, HttpSession session, Model model, boolean wrong) {
		model.addAttribute("wrongCode", wrong);
		model.addAttribute("currentPath", PATH);
		if (!secondFactors.enrolled(pending.userId())) {
			var enrolment = (SecondFactors.Enrolment) session.getAttribute(ENROLMENT);
			if (enrolment == null) {
				enrolment = secondFactors.newEnrolment(pending.username());
				session.setAttribute(ENROLMENT, enrolment);
			}
			model.addAttribute("enrolment", enrolment);
		}
		return "identity/second-factor";
	}

	private void logIn(CurrentUser user, HttpServletRequest request, HttpServletResponse response) {
		request.changeSessionId();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

	private static String end(HttpServletRequest request, String reason) {
		SecurityContextHolder.clearContext();
		var session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		return "redirect:/login?error=" + reason;
	}

}
