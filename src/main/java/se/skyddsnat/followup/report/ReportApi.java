package se.skyddsnat.followup.report;

import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import se.skyddsnat.shared.DatePeriod;
import se.skyddsnat.shared.Input;

/** The annual report generated for a period, for API clients (ANALYST, COORDINATOR). */
@RestController
@RequestMapping("/api/v1/followup")
@Tag(name = "followup", description = "Follow-up: indicators and the annual report")
@RequiredArgsConstructor
class ReportApi {

	private final Reports reports;

	@GetMapping("/report")
	@Operation(summary = "The annual follow-up report for a period, written from the records, as PDF or DOCX",
			description = "Both dates inclusive (YYYY-MM-DD); format pdf (default) or docx. Small counts are "
					+ "suppressed (\"färre än 5\"). Each generated file is kept with who, when, the period and the "
					+ "SHA-256 of its content (also in the header X-Content-SHA256). 400 problem+json for a bad period "
					+ "or format.",
			responses = @ApiResponse(responseCode = "200", description = "The file", content = {
					@Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
							schema = @Schema(type = "string", format = "binary")) }))
	ResponseEntity<byte[]> report(@RequestParam(required = false) @Parameter(description = "First day") String from,
			@RequestParam(required = false) @Parameter(description = "Last day") String to,
			@RequestParam(required = false) @Parameter(description = "pdf or docx") String format) {
		var in = Input.of();
		Reports.Format f = in.code("format", format, Reports.Format.class, "followup.error.format");
		in.check();
		DatePeriod period = DatePeriod.parse(from, to);
		return ReportController
			.file(reports.generateAnnual(period.from(), period.to(), f == null ? Reports.Format.PDF : f));
	}

}
