package se.skyddsnat.region.consultation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import se.skyddsnat.idempotency.FormToken;
import se.skyddsnat.identity.Unit;
import se.skyddsnat.identity.UnitDirectory;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;

/**
 * Consultations in individual cases: the list with its period and municipality filter,
 * and the log form.
 */
@Controller
@RequiredArgsConstructor
class ConsultationController {

	private final ConsultationService consultations;

	private final Municipalities municipalities;

	private final UnitDirectory units;

	private final Clock clock;

	@GetMapping("/region/consultations")
	String list(@ModelAttribute("filter") ConsultationFilter filter, BindingResult result, Model model) {
		LocalDate today = LocalDate.now(clock);
		if (filter.getFrom() == null && filter.getTo() == null) {
			filter.setFrom(today.withDayOfYear(1).toString());
			filter.setTo(today.toString());
		}
		model.addAttribute("allMunicipalities", municipalities.byName());
		model.addAttribute("unitNames", unitNames());
		model.addAttribute("mayLog", !consultations.unitsForLogging().isEmpty());
		try {
			var in = Input.of(clock);
			MunicipalityCode m = in.municipality("municipality", filter.getMunicipality(),
					"consultation.error.municipality");
			in.check();
			var rows = consultations.list(Input.readDate(filter.getFrom()), Input.readDate(filter.getTo()), m);
			model.addAttribute("consultations", rows);
			model.addAttribute("totalMinutes", rows.stream().mapToLong(Consultation::minutes).sum());
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
		}
		return "region/consultations";
	}

	@GetMapping("/region/consultations/new")
	String newConsultation(Model model) {
		var form = new ConsultationForm();
		form.setDate(LocalDate.now(clock).toString());
		var mine = consultations.unitsForLogging();
		if (mine.size() == 1) {
			form.setUnit(mine.getFirst().value());
		}
		return page(form, model);
	}

	@PostMapping("/region/consultations")
	String log(@ModelAttribute("form") ConsultationForm form, BindingResult result, Model model,
			RedirectAttributes redirect, FormToken token) {
		try {
			return token.once("consultation.log", () -> {
				NewConsultation consultation = form.consultation();
				consultations.log(consultation);
				LocalDate today = LocalDate.now(clock);
				LocalDate date = consultation.date();
				LocalDate from = date.getYear() < today.getYear() ? date.withDayOfYear(1) : today.withDayOfYear(1);
				redirect.addFlashAttribute("message", "consultation.logged");
				return "redirect:" + UriComponentsBuilder.fromPath("/region/consultations")
					.queryParam("from", from)
					.queryParam("to", today)
					.toUriString();
			});
		}
		catch (InvalidInput e) {
			e.rejectInto(result);
			return page(form, model);
		}
	}

	private String page(ConsultationForm form, Model model) {
		List<UnitCode> mine = consultations.unitsForLogging();
		if (mine.isEmpty()) {
			throw new AccessDeniedException("May not log consultations");
		}
		Map<UnitCode, String> names = unitNames();
		model.addAttribute("form", form);
		model.addAttribute("myUnits",
				mine.stream().map(u -> Map.entry(u.value(), names.getOrDefault(u, u.value()))).toList());
		model.addAttribute("allMunicipalities", municipalities.byName());
		model.addAttribute("channels", ConsultationChannel.values());
		model.addAttribute("topics", ConsultationTopic.values());
		model.addAttribute("maxMinutes", ConsultationService.MAX_MINUTES);
		model.addAttribute("today", LocalDate.now(clock));
		return "region/consultation-form";
	}

	private Map<UnitCode, String> unitNames() {
		return units.all().stream().collect(Collectors.toMap(Unit::code, Unit::name, (a, b) -> a));
	}

}
