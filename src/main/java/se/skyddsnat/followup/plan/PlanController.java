package se.skyddsnat.followup.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import se.skyddsnat.followup.indicator.IndicatorValue;
import se.skyddsnat.followup.indicator.Indicators;
import se.skyddsnat.followup.plan.PlanRecords.FollowUp;
import se.skyddsnat.followup.plan.PlanRecords.Measure;
import se.skyddsnat.idempotency.FormToken;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.shared.InvalidInput;

/**
 * The action plan: the whole plan, a page per development area, a measure with its
 * follow-ups, the XLSX.
 */
@Controller
@RequiredArgsConstructor
class PlanController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final Plans plans;

	private final Indicators indicators;

	private final MessageSource messages;

	private final Clock clock;

	@GetMapping("/followup/plan")
	String plan(Model model) {
		CurrentUser.require(Permission.READ_FOLLOWUP);
		List<Measure> measures = plans.measures();
		Map<Area, Map<MeasureStatus, Long>> counts = new EnumMap<>(Area.class);
		for (Area a : Area.values()) {
			var byStatus = new EnumMap<MeasureStatus, Long>(MeasureStatus.class);
			for (MeasureStatus s : MeasureStatus.values()) {
				byStatus.put(s, measures.stream().filter(m -> m.area() == a && m.status() == s).count());
			}
			counts.put(a, byStatus);
		}
		model.addAttribute("programme", plans.programme().orElse(null));
		model.addAttribute("actionPlan", plans.plan().orElse(null));
		model.addAttribute("areas", Area.values());
		model.addAttribute("statuses", MeasureStatus.values());
		model.addAttribute("counts", counts);
		model.addAttribute("measures", measures);
		model.addAttribute("mayEdit", plans.mayEdit());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new PlanForm());
		}
		return "followup/plan";
	}

	@PostMapping("/followup/plan/programme")
	String programme(@ModelAttribute("form") PlanForm form, BindingResult result, Model model,
			RedirectAttributes redirect, FormToken token) {
		try {
			return token.once("followup.programme", () -> {
				plans.createProgramme(form.getName(), form.getFrom(), form.getTo(), form.getGoals());
				redirect.addFlashAttribute("message", "followup.programme.saved");
				return "redirect:/followup/plan";
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			model.addAttribute("formKind", "programme");
			return plan(model);
		}
	}

	@PostMapping("/followup/plan")
	String createPlan(@ModelAttribute("form") PlanForm form, BindingResult result, Model model,
			RedirectAttributes redirect, FormToken token) {
		try {
			return token.once("followup.plan", () -> {
				plans.createPlan(form.getName(), form.getDecidedOn());
				redirect.addFlashAttribute("message", "followup.plan.saved");
				return "redirect:/followup/plan";
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			model.addAttribute("formKind", "plan");
			return plan(model);
		}
	}

	@GetMapping("/followup/plan/areas/{code}")
	String area(@PathVariable String code, Model model) {
		Area area = area(code);
		model.addAttribute("area", area);
		model.addAttribute("measures", plans.measures(area));
		model.addAttribute("actionPlan", plans.plan().orElse(null));
		model.addAttribute("mayEdit", plans.mayEdit());
		if (!model.containsAttribute("form")) {
			var form = new PlanForm();
			LocalDate today = LocalDate.now(clock);
			form.setFrom(today.withDayOfYear(1).toString());
			form.setTo(today.withDayOfYear(today.lengthOfYear()).toString());
			model.addAttribute("form", form);
		}
		return "followup/area";
	}

	@PostMapping("/followup/plan/areas/{code}/measures")
	String addMeasure(@PathVariable String code, @ModelAttribute("form") PlanForm form, BindingResult result,
			Model model, RedirectAttributes redirect, FormToken token) {
		Area area = area(code);
		try {
			return token.once("followup.measure", () -> {
				long id = plans.addMeasure(area, form.getText(), form.getOwner(), form.getFrom(), form.getTo());
				redirect.addFlashAttribute("message", "followup.measure.saved");
				return "redirect:/followup/plan/measures/" + id;
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return area(code, model);
		}
	}

	@GetMapping("/followup/plan/measures/{id}")
	String measure(@PathVariable long id, Model model) {
		Measure measure = plans.measure(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("measure", measure);
		model.addAttribute("statuses", MeasureStatus.values());
		model.addAttribute("catalogue", indicators.catalogue().all());
		model.addAttribute("mayEdit", plans.mayEdit());
		var evidence = new LinkedHashMap<Long, List<IndicatorValue>>();
		for (FollowUp f : measure.followUps()) {
			evidence.put(f.id(),
					f.evidence().stream().map(i -> indicators.one(i, f.from(), f.to(), true, null)).toList());
		}
		model.addAttribute("evidence", evidence);
		if (!model.containsAttribute("form")) {
			var form = new PlanForm();
			LocalDate today = LocalDate.now(clock);
			form.setFrom(today.withDayOfYear(1).toString());
			form.setTo(today.toString());
			model.addAttribute("form", form);
		}
		return "followup/measure";
	}

	@PostMapping("/followup/plan/measures/{id}/followups")
	String followUp(@PathVariable long id, @ModelAttribute("form") PlanForm form, BindingResult result, Model model,
			RedirectAttributes redirect, FormToken token) {
		try {
			return token.once("followup.followup", () -> {
				plans.followUp(id, form.getFrom(), form.getTo(), form.getStatus(), form.getAccount(),
						form.getEvidence());
				redirect.addFlashAttribute("message", "followup.followup.saved");
				return "redirect:/followup/plan/measures/" + id;
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return measure(id, model);
		}
	}

	@GetMapping("/followup/plan.xlsx")
	ResponseEntity<byte[]> xlsx(Locale locale) {
		CurrentUser.require(Permission.READ_FOLLOWUP);
		byte[] file = PlanExport.xlsx(plans.programme().orElse(null), plans.plan().orElse(null), plans.measures(),
				(key, args) -> messages.getMessage(key, args, locale));
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("handlingsplan.xlsx").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(file);
	}

	private static Area area(String code) {
		Area area = se.skyddsnat.shared.Input.codeOf(Area.class, code);
		if (area == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return area;
	}

}
