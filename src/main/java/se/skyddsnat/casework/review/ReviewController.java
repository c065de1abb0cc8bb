package se.skyddsnat.casework.review;

import java.time.Clock;
import java.time.Instant;

import lombok.RequiredArgsConstructor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import se.skyddsnat.shared.InvalidInput;

/**
 * Access-log review pages for managers (and ADMIN): a person's log, a user's log, and
 * emergency accesses.
 */
@Controller
@RequestMapping("/casework/review")
@PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
@RequiredArgsConstructor
class ReviewController {

	private final ReviewLog reviews;

	private final EmergencyReviews emergencies;

	private final Clock clock;

	@GetMapping("/person/{id}")
	String person(@PathVariable long id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("personId", id);
		period(from, to, model);
		try {
			model.addAttribute("review", reviews.person(id, from, to, page));
		}
		catch (InvalidInput e) {
			model.addAttribute("errors", e.violations());
		}
		model.addAttribute("now", Instant.now(clock));
		return "casework/review-person";
	}

	/**
	 * The form on the user page asks for a user name; the page itself is at the user's
	 * address.
	 */
	@GetMapping("/user")
	String userForm(@RequestParam(required = false) String username) {
		if (username != null && !username.isBlank()) {
			return "redirect:" + UriComponentsBuilder.fromPath("/casework/review/user/{username}")
				.buildAndExpand(username.strip())
				.encode()
				.toUriString();
		}
		return "casework/review-user";
	}

	@GetMapping("/user/{username}")
	String user(@PathVariable String username, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("username", username);
		period(from, to, model);
		try {
			model.addAttribute("review", reviews.user(username, from, to, page));
		}
		catch (InvalidInput e) {
			model.addAttribute("errors", e.violations());
		}
		return "casework/review-user";
	}

	@GetMapping("/emergency")
	String emergency(Model model) {
		model.addAttribute("grants", emergencies.forCurrentManager());
		model.addAttribute("now", Instant.now(clock));
		return "casework/review-emergency";
	}

	@PostMapping("/emergency/{id}/reviewed")
	String markReviewed(@PathVariable long id, @RequestParam(required = false) String note, Model model,
			RedirectAttributes redirect) {
		try {
			emergencies.markReviewed(id, note);
		}
		catch (InvalidInput e) {
			model.addAttribute("failedId", id);
			model.addAttribute("failedNote", note);
			model.addAttribute("errors", e.violations());
			return emergency(model);
		}
		redirect.addFlashAttribute("message", "review.emergency.marked");
		return "redirect:/casework/review/emergency";
	}

	@PostMapping("/emergency/{id}/end")
	String end(@PathVariable long id, RedirectAttributes redirect) {
		emergencies.endEarly(id);
		redirect.addFlashAttribute("message", "review.emergency.endedNow");
		return "redirect:/casework/review/emergency";
	}

	private static void period(String from, String to, Model model) {
		model.addAttribute("from", from);
		model.addAttribute("to", to);
	}

}
