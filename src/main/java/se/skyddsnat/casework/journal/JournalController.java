package se.skyddsnat.casework.journal;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.skyddsnat.idempotency.FormToken;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.casework.web.CasePage;

/**
 * The journal's form on the case page. Without JavaScript: "Spara utkast", "Signera" and
 * "Släng utkast" submit the form. With htmx the note also saves itself while typed
 * ({@code /autosave}, answering with a status line). What could not be kept (a malformed
 * value) is named beside its field; the rest of the draft is saved all the same.
 */
@Controller
@RequiredArgsConstructor
class JournalController {

	private final Journal journal;

	private final CasePage casePage;

	@PostMapping("/cases/{id}/journal")
	String submit(@PathVariable long id, @ModelAttribute("journalForm") JournalForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response, FormToken token) {
		String action = form.getAction() == null ? "draft" : form.getAction();
		try {
			if (action.equals("discard")) {
				return token.once("journal.discard", () -> {
					if (form.getEntryId() != null) {
						journal.discardDraft(id, form.getEntryId());
					}
					redirect.addFlashAttribute("message", "journal.draft.discarded");
					return "redirect:/cases/" + id + "#journal";
				});
			}
			if (!action.equals("sign")) {
				// saving the author's one draft again is harmless, and must take what is
				// typed now: no token
				JournalEntry draft = keep(id, form, result);
				if (result.hasErrors()) {
					model.addAttribute("journalSavedAt", draft.updatedAt());
					return casePage.render(id, model);
				}
				redirect.addFlashAttribute("message", "journal.draft.saved");
				return "redirect:/cases/" + id + "#journal-form";
			}
			// "Signera" twice (a double tap before the page came back) signs one entry
			return token.once("journal.sign", () -> {
				// the draft is kept whatever becomes of the signing: what was typed is
				// never lost
				JournalEntry draft = token.keepAnyway(() -> keep(id, form, result));
				if (result.hasErrors()) {
					model.addAttribute("journalSavedAt", draft.updatedAt());
					return casePage.render(id, model);
				}
				JournalEntry signed = journal.sign(id, draft.id());
				var talks = journal.talks(id);
				if (talks.isPresent() && talks.get().choiceRequired()) {
					// the case's signing rule (Stödcentrum) asks for its choice now: its
					// section on the case page
					redirect.addFlashAttribute("message", "stodcentrum.choice.now");
					redirect.addFlashAttribute("messageArg", talks.get().talks());
					return "redirect:/cases/" + id + "#stodcentrum";
				}
				redirect.addFlashAttribute("message", "journal.signed");
				redirect.addFlashAttribute("messageArg", signed.id());
				return "redirect:/cases/" + id + "#entry-" + signed.id();
			});
		}
		catch (InvalidInput e) {
			// signing refused an incomplete draft: it is saved, the missing fields are
			// named
			e.rejectInto(result);
			return casePage.render(id, model);
		}
		catch (JournalNoteAlreadySigned e) {
			response.setStatus(HttpStatus.CONFLICT.value());
			result.reject("journal.error.signed", new Object[] { e.entryId() }, "journal.error.signed");
			form.setEntryId(null);
			return casePage.render(id, model);
		}
	}

	/**
	 * htmx: saves the draft as the user types; answers with the status line and the
	 * draft's id.
	 */
	@PostMapping("/cases/{id}/journal/autosave")
	String autosave(@PathVariable long id, @ModelAttribute("journalForm") JournalForm form, BindingResult result,
			Model model) {
		try {
			JournalEntry draft = keep(id, form, result);
			model.addAttribute("journalSavedAt", draft.updatedAt());
			model.addAttribute("journalEntryId", draft.id());
			model.addAttribute("journalProblems",
					result.getFieldErrors().stream().map(f -> f.getField()).distinct().toList());
		}
		catch (JournalNoteAlreadySigned e) {
			model.addAttribute("journalSignedId", e.entryId());
		}
		return "casework/journal :: autosaved";
	}

	@PostMapping("/cases/{id}/journal/{entryId}/correct")
	String correct(@PathVariable long id, @PathVariable long entryId, Model model, RedirectAttributes redirect,
			FormToken token) {
		try {
			return token.once("journal.correct", () -> {
				journal.startCorrection(id, entryId);
				redirect.addFlashAttribute("message", "journal.correction.started");
				redirect.addFlashAttribute("messageArg", entryId);
				return "redirect:/cases/" + id + "#journal-form";
			});
		}
		catch (InvalidInput e) {
			redirect.addFlashAttribute("journalError", e.violations().getFirst().messageKey());
			return "redirect:/cases/" + id + "#journal-form";
		}
		catch (JournalEntryAlreadyCorrected e) {
			// a colleague started (or signed) the correction first
			redirect.addFlashAttribute("journalError", "journal.error.alreadyCorrected");
			redirect.addFlashAttribute("journalErrorArg", e.entryId());
			return "redirect:/cases/" + id + "#journal";
		}
	}

	/**
	 * Saves what can be kept: all of it, or — when some values are malformed — the rest,
	 * with the malformed fields rejected into the form so that they are shown beside
	 * their inputs.
	 */
	private JournalEntry keep(long id, JournalForm form, BindingResult result) {
		if (form.getEntryId() != null && !journal.exists(id, form.getEntryId())) {
			// the draft was thrown away in another window: what is typed here becomes the
			// user's draft
			form.setEntryId(null);
		}
		try {
			JournalEntry draft = journal.saveDraft(id, form.getEntryId(), form.input());
			form.fillFrom(draft);
			return draft;
		}
		catch (InvalidInput e) {
			Set<String> bad = e.violations().stream().map(InvalidInput.Violation::field).collect(Collectors.toSet());
			JournalEntry draft = journal.saveDraft(id, form.getEntryId(), form.input().without(bad));
			form.fillFrom(draft);
			e.rejectInto(result);
			return draft;
		}
	}

}
