package se.skyddsnat.casework.stodcentrum;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.skyddsnat.casework.core.CaseAccess;
import se.skyddsnat.shared.DatePeriod;
import se.skyddsnat.shared.SuppressedTable;

/**
 * Stödcentrum over JSON: a case's talks and choice, and the indicators for a period
 * (aggregates only).
 */
@RestController
@Tag(name = "stodcentrum", description = "Stödcentrum: the support-talk limit and its choice; indicators")
@RequiredArgsConstructor
class StodcentrumApi {

	/**
	 * Counts by gender code, and their total: each a number, or a mark of suppression
	 * ("<5", "x", "..").
	 */
	record ByGenderJson(Object female, Object male, Object other, Object unknown, Object total) {
		static ByGenderJson of(SuppressedTable<String> shown, String measure) {
			return new ByGenderJson(count(shown, measure + ".female"), count(shown, measure + ".male"),
					count(shown, measure + ".other"), count(shown, measure + ".unknown"),
					count(shown, measure + ".total"));
		}
	}

	record IndicatorsJson(String from, String to, boolean suppressed, boolean withheld, Object supportTalks,
			Object ratedTalks, Object satisfiedTalks, Double shareSatisfied, ByGenderJson supported,
			ByGenderJson closeRelationsViolence) {
	}

	record AgeRangeJson(int min, int max) {
	}

	record DecisionJson(long id, String choice, String reason, int talks, String decidedOn, String decidedBy) {
		static DecisionJson of(StodcentrumDecision d) {
			return new DecisionJson(d.id(), d.choice().code(), d.reason(), d.talks(), d.decidedOn().toString(),
					d.decidedBy());
		}
	}

	record StatusJson(long caseId, int talks, int limit, boolean choiceRequired, boolean ageOutsideRange,
			AgeRangeJson ageRange, List<DecisionJson> decisions) {
	}

	private final Stodcentrum stodcentrum;

	@GetMapping("/api/v1/casework/stodcentrum/indicators")
	@Operation(summary = "Indicators for a period (from, to: ISO dates, inclusive); COORDINATOR, MANAGER, ANALYST",
			description = "supportTalks, ratedTalks, satisfiedTalks (rated 4 or 5), shareSatisfied (0..1, null without "
					+ "rated talks), supported and closeRelationsViolence: distinct young people by gender (female, "
					+ "male, other, unknown, total). With suppress=true the counts go through primary and secondary "
					+ "suppression: 1–4 are the string \"<5\", a count hidden so that no hidden count can be worked out "
					+ "from the totals is \"x\" (5 or more), and a share resting on a hidden count is null.")
	IndicatorsJson indicators(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "false") boolean suppress) {
		stodcentrum.requireReader();
		var period = DatePeriod.parse(from, to);
		StodcentrumIndicators i = stodcentrum.indicators(period.from(), period.to());
		SuppressedTable<String> shown = i.publish(suppress);
		Double share = StodcentrumIndicators.shareSatisfied(shown);
		return new IndicatorsJson(i.from().toString(), i.to().toString(), suppress, shown.withheld(),
				count(shown, "talks"), count(shown, "rated"), count(shown, "satisfied"),
				share == null ? null : Math.round(share * 1000) / 1000.0, ByGenderJson.of(shown, "supported"),
				ByGenderJson.of(shown, "violence"));
	}

	@GetMapping("/api/v1/cases/{caseId}/stodcentrum")
	@Operation(summary = "A Stödcentrum case's support talks against the limit, whether the choice is due, its "
			+ "decisions and the age warning; 404 for other kinds of case")
	StatusJson status(@PathVariable long caseId) {
		StodcentrumStatus s = stodcentrum.status(caseId).orElseThrow(CaseAccess::notFound);
		return new StatusJson(s.caseId(), s.talks(), s.limit(), s.choiceRequired(), !s.outsideRange().isEmpty(),
				new AgeRangeJson(s.minAge(), s.maxAge()), s.decisions().stream().map(DecisionJson::of).toList());
	}

	@PostMapping("/api/v1/cases/{caseId}/stodcentrum/choice")
	@Operation(summary = "Record the choice after the last support talk: choice (close, refer_social_services, "
			+ "refer_child_psychiatry, continue), reason (required to continue); closing also needs closedOn and "
			+ "outcome and closes the case")
	ResponseEntity<DecisionJson> choose(@PathVariable long caseId, @RequestBody StodcentrumChoiceInput body) {
		return ResponseEntity.status(201).body(DecisionJson.of(stodcentrum.choose(caseId, body)));
	}

	private static Object count(SuppressedTable<String> shown, String key) {
		return shown.get(key).json();
	}

}
