package se.skyddsnat.followup.report;

import java.time.Clock;
import java.time.LocalDate;

import lombok.RequiredArgsConstructor;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import se.skyddsnat.followup.indicator.IndicatorForm;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.shared.DatePeriod;
import se.skyddsnat.shared.InvalidInput;

/**
 * The follow-up hub, the report page (preview, both formats, the generated reports) and
 * the police agreement's page.
 */
@Controller
@RequiredArgsConstructor
class ReportController {

	static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final Reports reports;

	private final Clock clock;

	@GetMapping("/followup")
	String hub() {
		CurrentUser.require(Permission.READ_FOLLOWUP);
		return "followup/hub";
	}

	@GetMapping("/followup/report")
	String page(@ModelAttribute("period") IndicatorForm form, BindingResult result, Model model) {
		CurrentUser user = CurrentUser.require(Permission.READ_FOLLOWUP);
		DatePeriod period = period(form, result, false);
		if (period != null) {
			model.addAttribute("report", reports.annual(period.from(), period.to()));
			model.addAttribute("query", "from=" + period.from() + "&to=" + period.to());
		}
		model.addAttribute("mayGenerate", user.may(Permission.EDIT_FOLLOWUP));
		model.addAttribute("kept", reports.kept(20));
		return "followup/report";
	}

	@GetMapping("/followup/report.{format}")
	ResponseEntity<byte[]> download(@PathVariable String format, @ModelAttribute("period") IndicatorForm form,
			BindingResult result) {
		CurrentUser.require(Permission.EDIT_FOLLOWUP);
		Reports.Format f = se.skyddsnat.shared.Input.codeOf(Reports.Format.class, format);
		DatePeriod period = period(form, result, true);
		if (f == null || period == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		return file(reports.generateAnnual(period.from(), period.to(), f));
	}

	@GetMapping("/followup/police")
	String police(@ModelAttribute("period") IndicatorForm form, BindingResult result, Model model) {
		CurrentUser.require(Permission.READ_FOLLOWUP);
		DatePeriod period = period(form, result, false);
		if (period != null) {
			model.addAttribute("blocks", reports.policeSection(period.from(), period.to()));
		}
		return "followup/police";
	}

	static ResponseEntity<byte[]> file(Reports.Generated g) {
		return ResponseEntity.ok()
			.contentType(g.format() == Reports.Format.PDF ? MediaType.APPLICATION_PDF : DOCX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(g.fileName()).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header("X-Content-SHA256", g.sha256())
			.body(g.bytes());
	}

	private DatePeriod period(IndicatorForm form, BindingResult result, boolean required) {
		if (!required && form.getFrom() == null && form.getTo() == null) {
			int year = LocalDate.now(clock).getYear() - 1;
			form.setFrom(LocalDate.of(year, 1, 1).toString());
			form.setTo(LocalDate.of(year, 12, 31).toString());
		}
		try {
			return DatePeriod.parse(form.getFrom(), form.getTo());
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return null;
		}
	}

}
