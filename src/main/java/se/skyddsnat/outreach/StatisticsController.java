package se.skyddsnat.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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

import se.skyddsnat.shared.DatePeriod;
import se.skyddsnat.shared.InvalidInput;

/**
 * Figures for any period a click away: the page (tables, the weekly chart with its table,
 * the report sentence) and the same figures as CSV and XLSX. The period is in the query
 * string, so a page can be bookmarked and its export links carry the same choice.
 */
@Controller
@RequiredArgsConstructor
class StatisticsController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final DefaultOutreachService outreach;

	private final MessageSource messages;

	private final Clock clock;

	private record Period(LocalDate from, LocalDate to, ShiftKind kind) {
	}

	@GetMapping("/outreach/statistics")
	String page(@ModelAttribute("period") StatisticsForm form, BindingResult result, Model model, Locale locale) {
		LocalDate today = LocalDate.now(clock);
		if (form.getFrom() == null && form.getTo() == null) {
			form.setFrom(today.withDayOfYear(1).toString());
			form.setTo(today.toString());
		}
		model.addAttribute("kinds", ShiftKind.values());
		Period period = parse(form, result);
		if (period == null) {
			return "outreach/statistics";
		}
		try {
			PublishedStatistics published = outreach.publish(period.from(), period.to(), period.kind(),
					form.isSuppress());
			StatisticsReport report = report(published, form.isSuppress(), locale);
			model.addAttribute("report", report);
			model.addAttribute("s", report.figures());
			model.addAttribute("chart", chart(report));
			model.addAttribute("query", query(form));
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
		}
		return "outreach/statistics";
	}

	@GetMapping("/outreach/statistics.csv")
	ResponseEntity<byte[]> csv(@ModelAttribute("period") StatisticsForm form, BindingResult result, Locale locale) {
		StatisticsReport report = export(form, result, "csv", locale);
		return file(StatisticsExports.csv(report),
				new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8), report, "csv");
	}

	@GetMapping("/outreach/statistics.xlsx")
	ResponseEntity<byte[]> xlsx(@ModelAttribute("period") StatisticsForm form, BindingResult result, Locale locale) {
		StatisticsReport report = export(form, result, "xlsx", locale);
		return file(StatisticsExports.xlsx(report), XLSX, report, "xlsx");
	}

	private StatisticsReport export(StatisticsForm form, BindingResult result, String format, Locale locale) {
		Period period = parse(form, result);
		if (period == null) {
			// export links come from a valid page; a hand-made bad link gets the error
			// page, not a broken file
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		PublishedStatistics published = outreach.publishForExport(period.from(), period.to(), period.kind(), format,
				form.isSuppress());
		return report(published, form.isSuppress(), locale);
	}

	private StatisticsReport report(PublishedStatistics published, boolean suppress, Locale locale) {
		return new StatisticsReport(published.figures(), published.joint(), suppress, LocalDate.now(clock), locale,
				messages);
	}

	private static ResponseEntity<byte[]> file(byte[] body, MediaType type, StatisticsReport report, String extension) {
		String name = "uppsokande-" + report.figures().from() + "-" + report.figures().to()
				+ (report.suppress() ? "-skyddad" : "") + "." + extension;
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

	/**
	 * Data for static/js/charts.js: bars per week and the target line; weeks whose count
	 * is hidden are left out (null) and named so in the table below the chart.
	 */
	private static Map<String, Object> chart(StatisticsReport report) {
		StatisticsView f = report.figures();
		var data = new LinkedHashMap<String, Object>();
		data.put("type", "weekly");
		data.put("labels", f.jointShiftsPerWeek().stream().map(w -> w.weekStart().toString()).toList());
		data.put("values",
				f.jointShiftsPerWeek()
					.stream()
					.map(w -> w.jointShifts().isHidden() ? null : w.jointShifts().value())
					.toList());
		data.put("target", f.weeklyTarget());
		data.put("valuesLabel", report.msg("outreach.kind.joint"));
		data.put("targetLabel", report.msg("outreach.statistics.target"));
		return data;
	}

	private static String query(StatisticsForm form) {
		return "from=" + form.getFrom() + "&to=" + form.getTo()
				+ (form.getKind() == null || form.getKind().isBlank() ? "" : "&kind=" + form.getKind())
				+ (form.isSuppress() ? "&suppress=true" : "");
	}

	private static Period parse(StatisticsForm form, BindingResult result) {
		DatePeriod period = null;
		try {
			period = DatePeriod.parse(form.getFrom(), form.getTo());
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
		}
		ShiftKind kind = null;
		if (form.getKind() != null && !form.getKind().isBlank()) {
			kind = Codes.parse(ShiftKind.class, form.getKind()).orElse(null);
			if (kind == null) {
				result.rejectValue("kind", "outreach.statistics.error.kind");
			}
		}
		return result.hasErrors() ? null : new Period(period.from(), period.to(), kind);
	}

}
