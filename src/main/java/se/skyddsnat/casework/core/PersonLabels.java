package se.skyddsnat.casework.core;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.skyddsnat.casework.Person;
import se.skyddsnat.casework.Reminder;

/**
 * How a person is named where a reader meets them in a list, a task or a reminder: the
 * name of an identified person, the alias of an anonymous one ("Amira (alias)"), and
 * "Skyddad identitet" for a protected identity — never more than the reader may see. A
 * case is named by the people in it whom the reader may see. One query for a whole page.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PersonLabels {

	private final JdbcClient jdbc;

	private final MessageSource messages;

	/** The person as a reader sees them in a list. */
	public String of(Person person) {
		if (person.protectedIdentity()) {
			return text("person.protected");
		}
		if (person.name() != null) {
			return person.name();
		}
		return text("person.label.alias", person.alias());
	}

	/**
	 * The people of each case visible in the scope (only those the reader may see),
	 * named, in one query.
	 */
	public Map<Long, String> ofCases(CaseAccess.Scope scope, Collection<Long> caseIds) {
		if (caseIds.isEmpty()) {
			return Map.of();
		}
		var names = new LinkedHashMap<Long, List<String>>();
		scope
			.bind(jdbc.sql("SELECT cp.case_id, p.* FROM casework.case_people cp "
					+ "JOIN casework.persons p ON p.id = cp.person_id "
					+ "WHERE cp.case_id = ANY(:ids) AND cp.case_id IN (SELECT c.id FROM casework.cases c WHERE "
					+ CaseAccess.VISIBLE_CASE + ") AND " + CaseAccess.VISIBLE_PERSON + " ORDER BY cp.case_id, p.id"))
			.param("ids", caseIds.toArray(Long[]::new))
			.query((rs, n) -> Map.entry(rs.getLong("case_id"), of(PersonStore.PERSON.mapRow(rs, n))))
			.list()
			.forEach(e -> names.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
		var joined = new LinkedHashMap<Long, String>();
		names.forEach((id, list) -> joined.put(id, String.join(", ", list)));
		return joined;
	}

	/**
	 * The reminders with their case named by its people: a case reminder carries the case
	 * number as its first argument, which becomes the people's names (or "ärende N" when
	 * the reader sees none of them).
	 */
	public List<Reminder> naming(CaseAccess.Scope scope, List<Reminder> reminders, Function<Reminder, Long> caseOf) {
		Map<Long, String> labels = ofCases(scope, reminders.stream().map(caseOf).distinct().toList());
		return reminders.stream().map(r -> {
			long caseId = caseOf.apply(r);
			Object[] args = r.args().clone();
			args[0] = labels.getOrDefault(caseId, text("case.label.number", caseId));
			return new Reminder(r.messageKey(), args, r.link(), r.due());
		}).toList();
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

}
