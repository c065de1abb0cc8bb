package se.skyddsnat.casework;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import se.skyddsnat.casework.core.CaseAccess;
import se.skyddsnat.casework.core.PersonLabels;
import se.skyddsnat.identity.Unit;
import se.skyddsnat.identity.UnitDirectory;
import se.skyddsnat.outreach.EncounterRole;
import se.skyddsnat.outreach.Gender;
import se.skyddsnat.outreach.OutreachService;
import se.skyddsnat.outreach.ShiftKind;
import se.skyddsnat.outreach.ShiftView;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.Municipality;
import se.skyddsnat.shared.MunicipalityCode;

/**
 * The one place that says which encounter a task is about, for the start page, the task
 * page, the API and any mail: "Flicka, 16 år · påträffad 2026-12-02, tillslag i lägenhet,
 * Stockholm · hemkommun Botkyrka · ärende 12: Amira (alias)". Set-based: the encounters
 * (one query), the municipalities and units (one each) and the people of the linked cases
 * the reader may see (one) for all the tasks of a page at once. The words come from the
 * bundles.
 */
@Component
@RequiredArgsConstructor
class TaskDescriber {

	private final OutreachService outreach;

	private final Municipalities municipalities;

	private final UnitDirectory units;

	private final PersonLabels labels;

	private final CaseAccess access;

	private final MessageSource messages;

	List<Task> describe(List<Task> tasks) {
		if (tasks.isEmpty()) {
			return tasks;
		}
		Locale locale = LocaleContextHolder.getLocale();
		Map<Long, ShiftView.Met> met = outreach
			.met(tasks.stream().map(Task::encounterId).filter(Objects::nonNull).distinct().toList());
		Map<MunicipalityCode, String> names = municipalities.all()
			.stream()
			.collect(Collectors.toMap(Municipality::code, Municipality::name, (a, b) -> a));
		Map<String, String> unitNames = units.all()
			.stream()
			.collect(Collectors.toMap(u -> u.code().value(), Unit::name, (a, b) -> a));
		List<Long> caseIds = tasks.stream().map(Task::caseId).filter(Objects::nonNull).distinct().toList();
		Map<Long, String> people = caseIds.isEmpty() ? Map.of() : labels.ofCases(access.scope(), caseIds);
		Function<MunicipalityCode, String> name = code -> code == null ? null : names.getOrDefault(code, code.value());
		return tasks.stream()
			.map(t -> t.described(subject(t, met.get(t.encounterId()), name, people, locale),
					unitNames.getOrDefault(t.unit().value(), t.unit().value()), name.apply(t.municipality())))
			.toList();
	}

	private String subject(Task task, ShiftView.Met met, Function<MunicipalityCode, String> name,
			Map<Long, String> people, Locale locale) {
		var parts = new java.util.ArrayList<String>();
		if (met != null) {
			var e = met.encounter();
			String who = text(locale, "task.subject.who." + (e.isMinor() ? "minor." : "adult.") + gender(e.gender()));
			String age = e.age() == null ? text(locale, "task.subject.age.unknown")
					: text(locale, "task.subject.age", e.age());
			// the exposed are whom the units meet: their role goes without saying, a
			// buyer's or another's does not
			parts.add(e.role() == EncounterRole.EXPOSED ? text(locale, "task.subject.person", who, age) : text(locale,
					"task.subject.personWithRole", who, age, text(locale, "task.subject.role." + e.role().code())));
			String arena = text(locale, "task.subject.arena." + met.arena().code());
			String place = met.kind() == ShiftKind.JOINT
					? text(locale, "task.subject.joint." + met.policeOperation().code(), arena)
					: text(locale, "task.subject.own", arena);
			parts.add(text(locale, "task.subject.met", met.date().toString(), place, name.apply(met.municipality())));
			parts.add(switch (e.home().kind()) {
				case MUNICIPALITY -> text(locale, "task.subject.home", name.apply(e.home().municipality()));
				case ABROAD -> text(locale, "task.subject.home.abroad");
				case UNKNOWN -> text(locale, "task.subject.home.unknown");
			});
		}
		if (task.caseId() != null) {
			String person = people.get(task.caseId());
			parts.add(person == null ? text(locale, "task.subject.case", task.caseId())
					: text(locale, "task.subject.caseOf", task.caseId(), person));
		}
		return String.join(" · ", parts);
	}

	private static String gender(Gender gender) {
		return gender.code();
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

}
