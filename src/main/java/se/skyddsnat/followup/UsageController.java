package se.skyddsnat.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ResponseStatusException;

import se.skyddsnat.shared.Count;
import se.skyddsnat.shared.DatePeriod;
import se.skyddsnat.shared.InvalidInput;

/**
 * Usage per municipality for a period: the page the project leader shows the steering
 * group (a grouped chart with its table) and the same rows as XLSX. The period and
 * suppression are in the query string, so the page can be bookmarked and its export link
 * carries the same choice. Suppression is on unless turned off.
 */
@Controller
@RequiredArgsConstructor
class UsageController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final UsageService usage;

	private final MessageSource messages;

	private final Clock clock;

	private record Period(LocalDate from, LocalDate to) {
	}

	@GetMapping("/followup/usage")
	String page(@ModelAttribute("period") UsageForm form, BindingResult result, Model model, Locale locale) {
		usage.requireReader();
		LocalDate today = LocalDate.now(clock);
		if (form.getFrom() == null && form.getTo() == null) {
			form.setFrom(today.withDayOfYear(1).toString());
			form.setTo(today.toString());
		}
		form.setSuppress(form.suppressed());
		Period period = parse(form, result);
		if (period == null) {
			return "followup/usage";
		}
		try {
			var report = new UsageReport(usage.figures(period.from(), period.to(), form.suppressed()),
					form.suppressed(), locale, messages);
			model.addAttribute("report", report);
			model.addAttribute("u", report.figures());
			model.addAttribute("chart", chart(report));
			model.addAttribute("query",
					"from=" + period.from() + "&to=" + period.to() + "&suppress=" + form.suppressed());
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
		}
		return "followup/usage";
	}

	@GetMapping("/followup/usage.xlsx")
	ResponseEntity<byte[]> xlsx(@ModelAttribute("period") UsageForm form, BindingResult result, Locale locale) {
		usage.requireReader();
		Period period = parse(form, result);
		if (period == null) {
			// the export link comes from a valid page; a hand-made bad link gets the
			// error page, not a broken file
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		boolean suppress = form.suppressed();
		UsageFigures figures;
		try {
			figures = usage.figuresForExport(period.from(), period.to(), "xlsx", suppress);
		}
		catch (InvalidInput e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		var report = new UsageReport(figures, suppress, locale, messages);
		String name = "nyttjande-per-kommun-" + period.from() + "-" + period.to() + (suppress ? "-skyddad" : "")
				+ ".xlsx";
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(UsageExports.xlsx(report));
	}

	/**
	 * Data for static/js/charts.js: bars per row of the table (the sum left out) for
	 * people exposed, buyers and consultations; hidden values are null (not drawn; the
	 * page names them beside the chart), values that do not apply too.
	 */
	private static Map<String, Object> chart(UsageReport report) {
		List<UsageFigures.Row> rows = report.chartRows();
		var data = new LinkedHashMap<String, Object>();
		data.put("type", "grouped");
		data.put("horizontal", true);
		data.put("labels", rows.stream().map(report::shortLabel).toList());
		data.put("datasets",
				List.of(dataset(report, "followup.usage.col.exposed", rows, UsageFigures.Row::exposed),
						dataset(report, "followup.usage.col.buyers", rows, UsageFigures.Row::buyers),
						dataset(report, "followup.usage.col.consultations", rows, UsageFigures.Row::consultations)));
		return data;
	}

	private static Map<String, Object> dataset(UsageReport report, String label, List<UsageFigures.Row> rows,
			Function<UsageFigures.Row, Count> value) {
		var set = new LinkedHashMap<String, Object>();
		set.put("label", report.msg(label));
		set.put("values", rows.stream().map(value).map(v -> v == null || v.isHidden() ? null : v.value()).toList());
		return set;
	}

	private static Period parse(UsageForm form, BindingResult result) {
		try {
			DatePeriod period = DatePeriod.parse(form.getFrom(), form.getTo());
			return new Period(period.from(), period.to());
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return null;
		}
	}

}
