package se.skyddsnat.followup.indicator;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.skyddsnat.idempotency.FormToken;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.shared.DatePeriod;
import se.skyddsnat.shared.InvalidInput;

/**
 * The catalogue with every value for a period, and a page per indicator: definition,
 * trend chart and table, breakdown.
 */
@Controller
@RequiredArgsConstructor
class IndicatorController {

	private final Indicators indicators;

	private final IndicatorFormat format;

	private final ManualEntry manual;

	private final Sources sources;

	private final Clock clock;

	@GetMapping("/followup/indicators")
	String list(@ModelAttribute("period") IndicatorForm form, BindingResult result, Model model) {
		CurrentUser.require(Permission.READ_FOLLOWUP);
		DatePeriod period = period(form, result);
		if (period != null) {
			model.addAttribute("values",
					indicators.compute(period.from(), period.to(), form.suppressed(), (Breakdown) null));
			model.addAttribute("query", "from=" + period.from() + "&to=" + period.to());
		}
		return "followup/indicators";
	}

	@GetMapping("/followup/indicators/{id}")
	String one(@PathVariable String id, @ModelAttribute("period") IndicatorForm form, BindingResult result,
			Model model) {
		CurrentUser.require(Permission.READ_FOLLOWUP);
		Indicator indicator = indicators.catalogue()
			.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("indicator", indicator);
		DatePeriod period = period(form, result);
		if (period != null) {
			Breakdown by = Breakdown.parse(form.getBy());
			if (!indicator.allows(by)) {
				by = indicator.breakdowns().isEmpty() ? null : indicator.breakdowns().get(0);
				form.setBy(by == null ? null : by.code());
			}
			List<IndicatorValue> trend = indicators.trend(id, period.from(), period.to(), form.suppressed());
			model.addAttribute("value", indicators.one(id, period.from(), period.to(), form.suppressed(), by));
			model.addAttribute("trend", trend);
			model.addAttribute("chart", chart(indicator, trend));
			model.addAttribute("names", sources.municipalityNames());
		}
		if (indicator.manual()) {
			model.addAttribute("figures", manual.figures(id));
			model.addAttribute("mayEdit", CurrentUser.require().may(Permission.EDIT_FOLLOWUP));
			if (!model.containsAttribute("manualForm")) {
				model.addAttribute("manualForm", new IndicatorForm());
			}
		}
		return "followup/indicator";
	}

	@PostMapping("/followup/indicators/{id}/figures")
	String enter(@PathVariable String id, @ModelAttribute("manualForm") IndicatorForm form, BindingResult result,
			Model model, RedirectAttributes redirect, FormToken token) {
		try {
			return token.once("followup.manual", () -> {
				manual.enter(id, form.getFrom(), form.getTo(), form.getValue(), form.getSource());
				redirect.addFlashAttribute("message", "followup.manual.saved");
				return "redirect:/followup/indicators/" + id;
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return one(id, new IndicatorForm(),
					new org.springframework.validation.BeanPropertyBindingResult(new IndicatorForm(), "period"), model);
		}
	}

	private DatePeriod period(IndicatorForm form, BindingResult result) {
		LocalDate today = LocalDate.now(clock);
		if (form.getFrom() == null && form.getTo() == null) {
			form.setFrom(today.withDayOfYear(1).minusYears(1).toString());
			form.setTo(today.toString());
		}
		form.setSuppress(form.suppressed());
		try {
			return DatePeriod.parse(form.getFrom(), form.getTo());
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return null;
		}
	}

	/**
	 * For static/js/charts.js: one bar per period; a value that cannot be shown is null
	 * (not drawn).
	 */
	private Map<String, Object> chart(Indicator indicator, List<IndicatorValue> trend) {
		var data = new LinkedHashMap<String, Object>();
		data.put("type", "grouped");
		data.put("horizontal", false);
		data.put("labels", trend.stream().map(IndicatorController::label).toList());
		var set = new LinkedHashMap<String, Object>();
		set.put("label", format.name(indicator));
		set.put("values", trend.stream().map(v -> v.value()).toList());
		data.put("datasets", List.of(set));
		return data;
	}

	static String label(IndicatorValue v) {
		if (v.from().getYear() == v.to().getYear() && v.from().getMonthValue() == v.to().getMonthValue()) {
			return v.from().toString().substring(0, 7);
		}
		return v.from().getYear() == v.to().getYear() ? Integer.toString(v.from().getYear()) : v.from() + "–" + v.to();
	}

}
