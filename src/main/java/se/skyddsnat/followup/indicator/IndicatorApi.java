package se.skyddsnat.followup.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.shared.DatePeriod;
import se.skyddsnat.shared.Input;

/**
 * The indicators of the catalogue computed for a period, for API clients (ANALYST,
 * COORDINATOR, MANAGER).
 */
@RestController
@RequestMapping("/api/v1/followup")
@Tag(name = "followup", description = "Follow-up: indicators and the annual report")
@RequiredArgsConstructor
class IndicatorApi {

	@Schema(description = "One part of a breakdown")
	record PartJson(@Schema(
			description = "The part's code: a gender, age group, municipality code, home area, unit, role or yes/no") String key,
			@Schema(description = "The count: a number, or \"<5\", \"x\", \"..\" when suppressed", type = "string",
					example = "12") Object count) {
	}

	@Schema(description = "An indicator computed for the period")
	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
	record IndicatorJson(@Schema(description = "The indicator's id in the catalogue") String id,
			@Schema(description = "Its name") String name,
			@Schema(description = "count, percent or per_week") String unit,
			@Schema(description = "The value: a number; \"–\" for a share whose denominator is 0; \"<5\", \"x\" or \"..\" when it cannot be shown",
					type = "string", example = "45.3") Object value,
			@Schema(description = "The count (numerator), a number or a suppression mark",
					type = "string") Object numerator,
			@Schema(description = "The denominator of a share, a number or a suppression mark; absent otherwise",
					type = "string") Object denominator,
			@Schema(description = "The target, where one exists (joint shifts per week: 4)") BigDecimal target,
			@Schema(description = "The breakdown's code, when one was asked for and the indicator allows it") String breakdownBy,
			@Schema(description = "The parts of the breakdown") List<PartJson> breakdown) {
	}

	private final Indicators indicators;

	private final MessageSource messages;

	@GetMapping("/indicators")
	@Operation(summary = "Every indicator of the catalogue computed from the records for a period",
			description = "Both dates inclusive (YYYY-MM-DD). With suppress=true small counts are \"<5\" and the counts "
					+ "that would reveal them \"x\" (primary and secondary suppression over all counts of the answer). "
					+ "A share whose denominator is 0 has the value \"–\". by: gender, age_group, home_municipality, "
					+ "home_area, unit, role or minor, applied to the indicators that allow it. 400 problem+json for a "
					+ "bad period or breakdown.")
	List<IndicatorJson> indicators(@RequestParam(required = false) @Parameter(description = "First day") String from,
			@RequestParam(required = false) @Parameter(description = "Last day") String to,
			@RequestParam(required = false) @Parameter(description = "true: suppress small counts") String suppress,
			@RequestParam(required = false) @Parameter(description = "A breakdown") String by, Locale locale) {
		CurrentUser.require(Permission.READ_FOLLOWUP);
		var in = Input.of();
		Breakdown b = in.code("by", by, Breakdown.class, "followup.error.by");
		if (suppress != null && !suppress.equals("true") && !suppress.equals("false")) {
			in.reject("suppress", "followup.error.suppress");
		}
		in.check();
		DatePeriod period = DatePeriod.parse(from, to);
		return indicators.compute(period.from(), period.to(), "true".equals(suppress), b)
			.stream()
			.map(v -> json(v, locale))
			.toList();
	}

	private IndicatorJson json(IndicatorValue v, Locale locale) {
		Object value = v.shown() ? v.value() : v.mark();
		return new IndicatorJson(v.id(), messages.getMessage(v.indicator().nameKey(), null, locale),
				v.indicator().unit().code(), value, v.numerator().json(),
				v.denominator() == null ? null : v.denominator().json(), v.indicator().target(),
				v.by() == null ? null : v.by().code(),
				v.by() == null ? null : v.parts().stream().map(p -> new PartJson(p.key(), p.count().json())).toList());
	}

}
