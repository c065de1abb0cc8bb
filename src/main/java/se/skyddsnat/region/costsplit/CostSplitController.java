package se.skyddsnat.region.costsplit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.skyddsnat.region.CostSplitTable;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;

/**
 * The year's cost split like the offer's appendix, its exports, and the year's cost and
 * offer area.
 */
@Controller
@RequiredArgsConstructor
class CostSplitController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final CostSplitService costSplits;

	private final MessageSource messages;

	private final Clock clock;

	@GetMapping("/region/cost-split")
	String page(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null || year < 1900 || year > 2200 ? LocalDate.now(clock).getYear() : year;
		CostSplitTable table = costSplits.forYear(y, null);
		if (!model.containsAttribute("cost")) {
			model.addAttribute("cost", CostForm.of(table));
		}
		model.addAttribute("table", table);
		return "region/cost-split";
	}

	@PostMapping("/region/cost-split/cost")
	String setCost(@RequestParam int year, @ModelAttribute("cost") CostForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		try {
			costSplits.setCost(year, form.yearCost());
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return page(year, model);
		}
		redirect.addFlashAttribute("message", "costsplit.saved");
		return "redirect:/region/cost-split?year=" + year;
	}

	@PostMapping("/region/cost-split/area")
	String setArea(@RequestParam int year, @RequestParam(name = "added", required = false) List<String> added,
			RedirectAttributes redirect) {
		var codes = new HashSet<MunicipalityCode>();
		if (added != null) {
			added.stream().map(Input::readMunicipality).filter(Objects::nonNull).forEach(codes::add);
		}
		costSplits.setAdditions(year, codes);
		redirect.addFlashAttribute("message", "costsplit.areaSaved");
		return "redirect:/region/cost-split?year=" + year;
	}

	@GetMapping("/region/cost-split.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam int year, Locale locale) {
		CostSplitTable table = costSplits.forYear(year, null);
		return file(CostSplitExports.xlsx(table, messages, locale), XLSX, year, "xlsx");
	}

	@GetMapping("/region/cost-split.pdf")
	ResponseEntity<byte[]> pdf(@RequestParam int year, Locale locale) {
		CostSplitTable table = costSplits.forYear(year, null);
		return file(CostSplitExports.pdf(table, messages, locale), MediaType.APPLICATION_PDF, year, "pdf");
	}

	private static ResponseEntity<byte[]> file(byte[] body, MediaType type, int year, String extension) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("kostnadsfordelning-" + year + "." + extension)
						.build()
						.toString())
			.body(body);
	}

}
