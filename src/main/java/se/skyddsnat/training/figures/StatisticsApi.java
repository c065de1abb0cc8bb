package se.skyddsnat.training.figures;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.skyddsnat.shared.Count;

/** The period's training counts for API clients, the same as the counts page. */
@RestController
@Tag(name = "training", description = "Courses, sessions, participants and their counts")
@RequiredArgsConstructor
class StatisticsApi {

	record RowJson(String code, @Schema(description = "a number, or \"<5\" / \"x\" / \"..\" when suppressed", types = {
			"integer", "string" }) Object count){
	}

	record LectureJson(String audience, long lectures, @Schema(types = {
			"integer", "string" }) Object headCount){
	}

	record SatisfactionJson(@Schema(types = {
			"integer", "string" }) Object satisfied, @Schema(types = { "integer", "string" }) Object answers,
			Long percent){
	}

	record StatisticsJson(LocalDate from, LocalDate to, boolean suppressed, long sessionsHeld, long digital,
			long physical, @Schema(types = {
					"integer", "string" }) Object attended,
			List<RowJson> byMunicipality, List<RowJson> byProfession, long lectures,
			@Schema(types = { "integer", "string" }) Object lectureHeadCount, List<LectureJson> lecturesByAudience,
			@Schema(description = "absent below five evaluation answers") SatisfactionJson satisfaction){
	}

	private final TrainingStatisticsService service;

	@GetMapping("/api/v1/training/statistics")
	@Operation(summary = "Training counts for a period (both dates inclusive; default this year so far)",
			description = "Sessions held (by format), participants who attended per municipality (SCB code, or "
					+ "'annan') and per profession, lectures and their head counts by audience kind, and the share "
					+ "satisfied (4–5) from five evaluation answers. suppress=true (primary and secondary "
					+ "suppression) for figures that leave the unit. For COORDINATOR, MANAGER, ANALYST and organisers.")
	StatisticsJson statistics(@RequestParam(required = false) @Parameter(description = "YYYY-MM-DD") String from,
			@RequestParam(required = false) @Parameter(description = "YYYY-MM-DD") String to, @RequestParam(
					required = false) @Parameter(description = "true to suppress small counts") Boolean suppress) {
		TrainingStatisticsService.requireReader();
		var period = service.period(from, to);
		var s = service.statistics(period[0], period[1], Boolean.TRUE.equals(suppress));
		return new StatisticsJson(s.from(), s.to(), s.suppressed(), s.sessionsHeld(), s.digital(), s.physical(),
				json(s.attended()),
				s.byMunicipality().stream().map(r -> new RowJson(r.code(), json(r.count()))).toList(),
				s.byProfession().stream().map(r -> new RowJson(r.code(), json(r.count()))).toList(), s.lectures(),
				json(s.headCount()),
				s.byAudience()
					.stream()
					.map(a -> new LectureJson(a.audience(), a.lectures(), json(a.headCount())))
					.toList(),
				s.satisfaction() == null ? null : new SatisfactionJson(json(s.satisfaction().satisfied()),
						json(s.satisfaction().answers()), s.satisfaction().percent()));
	}

	private static Object json(Count c) {
		return c.json();
	}

}
