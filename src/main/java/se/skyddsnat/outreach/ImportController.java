package se.skyddsnat.outreach;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;

/**
 * Importing history in the UI: upload, validate, preview, confirm, and follow the
 * progress.
 */
@Controller
class ImportController {

	private final OutreachService outreach;

	private final ImportJobs jobs;

	private final String maxFileSize;

	ImportController(OutreachService outreach, ImportJobs jobs,
			@org.springframework.beans.factory.annotation.Value("${skyddsnat.import.max-file-size:50MB}") org.springframework.util.unit.DataSize maxFileSize) {
		this.outreach = outreach;
		this.jobs = jobs;
		this.maxFileSize = maxFileSize.toMegabytes() + " MB";
	}

	/**
	 * Runs before every page of the import: only those who may import history see any of
	 * them (403 otherwise).
	 */
	@ModelAttribute
	void mayImport() {
		CurrentUser.require(Permission.IMPORT_HISTORY);
	}

	@GetMapping("/outreach/import")
	String form(Model model) {
		columns(model);
		return "outreach/import";
	}

	/**
	 * Validates both files completely (a dry run) and shows what would be imported, or
	 * every error.
	 */
	@PostMapping("/outreach/import")
	String upload(@RequestParam(required = false) MultipartFile shifts,
			@RequestParam(required = false) MultipartFile encounters, Model model) {
		try {
			var preview = outreach.importHistory(ImportFile.of(shifts), ImportFile.of(encounters), true, null);
			model.addAttribute("job", jobs.preview(shifts, encounters, preview));
			return "outreach/import-preview";
		}
		catch (ImportRejected rejected) {
			model.addAttribute("errors", rejected.errors());
			model.addAttribute("errorCount", rejected.total());
			columns(model);
			return "outreach/import";
		}
	}

	@PostMapping("/outreach/import/{id}")
	String confirm(@PathVariable String id) {
		jobs.start(jobs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return "redirect:/outreach/import/" + id;
	}

	@GetMapping("/outreach/import/{id}")
	String progressPage(@PathVariable String id, Model model) {
		model.addAttribute("job", jobs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return "outreach/import-progress";
	}

	/** Polled by htmx every second until the import is done. */
	@GetMapping("/outreach/import/{id}/progress")
	String progress(@PathVariable String id, Model model) {
		model.addAttribute("job", jobs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		return "outreach/import-progress :: progress";
	}

	private void columns(Model model) {
		model.addAttribute("maxFileSize", maxFileSize);
		model.addAttribute("shiftColumns", ShiftParser.SHIFT_COLUMNS);
		model.addAttribute("encounterColumns", ShiftParser.ENCOUNTER_COLUMNS);
	}

}
