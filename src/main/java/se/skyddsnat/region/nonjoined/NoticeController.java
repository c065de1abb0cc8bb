package se.skyddsnat.region.nonjoined;

import java.time.Clock;
import java.time.LocalDate;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.Setter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.skyddsnat.idempotency.FormToken;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;

/**
 * The project leader's notices to non-joined municipalities: list, and record how each
 * was informed. For those who handle notices (the service refuses everyone else).
 */
@Controller
@RequiredArgsConstructor
class NoticeController {

	@Getter
	@Setter
	public static class InformedForm {

		private String informedOn;

		private String informedHow;

		Informed informed() {
			return new Informed(Input.readDate(informedOn), informedHow);
		}

	}

	private final NoticeService notices;

	private final Clock clock;

	@GetMapping("/region/notices")
	String list(Model model) {
		model.addAttribute("notices", notices.all(null));
		return "region/notices";
	}

	@GetMapping("/region/notices/{id}")
	String show(@PathVariable long id, Model model) {
		var form = new InformedForm();
		form.setInformedOn(LocalDate.now(clock).toString());
		return page(id, form, model);
	}

	@PostMapping("/region/notices/{id}")
	String close(@PathVariable long id, @ModelAttribute("form") InformedForm form, BindingResult result, Model model,
			RedirectAttributes redirect, FormToken token) {
		try {
			return token.once("notice.close", () -> {
				notices.close(id, form.informed());
				redirect.addFlashAttribute("message", "notice.closed");
				return "redirect:/";
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return page(id, form, model);
		}
	}

	private String page(long id, InformedForm form, Model model) {
		model.addAttribute("notice",
				notices.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("form", form);
		model.addAttribute("today", LocalDate.now(clock));
		return "region/notice";
	}

}
