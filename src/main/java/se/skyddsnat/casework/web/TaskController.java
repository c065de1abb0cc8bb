package se.skyddsnat.casework.web;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletResponse;
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
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.casework.Task;
import se.skyddsnat.casework.TaskAlreadyDone;
import se.skyddsnat.casework.Tasks;

/** Closing a task: when it was done and to whom. */
@Controller
@RequiredArgsConstructor
class TaskController {

	@Getter
	@Setter
	public static class DoneForm {

		private String doneOn;

		private String doneTo;

	}

	private final Tasks tasks;

	private final Clock clock;

	@GetMapping("/tasks/{id}")
	String show(@PathVariable long id, Model model) {
		Task task = tasks.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var form = new DoneForm();
		form.setDoneOn(LocalDate.now(clock).toString());
		model.addAttribute("task", task);
		model.addAttribute("form", form);
		model.addAttribute("today", LocalDate.now(clock));
		return "casework/task";
	}

	/**
	 * The report of concern of a concern-report task, as a letter to download or print;
	 * only for the task's unit (others get 404, as for the page).
	 */
	@GetMapping("/tasks/{id}/orosanmalan.pdf")
	org.springframework.http.ResponseEntity<byte[]> concernReport(@PathVariable long id) {
		Task task = tasks.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (task.kind() != se.skyddsnat.casework.TaskKind.CONCERN_REPORT) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header("Content-Disposition", "attachment; filename=\"orosanmalan-" + id + ".pdf\"")
			.header("Cache-Control", "no-store")
			.body(tasks.concernReport(id));
	}

	@PostMapping("/tasks/{id}")
	String close(@PathVariable long id, @ModelAttribute("form") DoneForm form, BindingResult result, Model model,
			RedirectAttributes redirect, FormToken token, HttpServletResponse response) {
		Task task = tasks.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			return token.once("task.close", () -> {
				tasks.close(id, new Tasks.Done(form.getDoneOn(), form.getDoneTo()));
				redirect.addFlashAttribute("message", "task.closed");
				return "redirect:/";
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			model.addAttribute("task", task);
			model.addAttribute("today", LocalDate.now(clock));
			return "casework/task";
		}
		catch (TaskAlreadyDone e) {
			// a colleague was first: the page shows what they recorded
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("task", e.task());
			model.addAttribute("alreadyDone", true);
			model.addAttribute("today", LocalDate.now(clock));
			return "casework/task";
		}
	}

}
