package se.skyddsnat.casework.core;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditNames;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.identity.CurrentUser;

/**
 * The access log names people and cases as the reader may see them (need to know, as
 * everywhere): "Amira (alias)", "Skyddad identitet", "Ärende 12 (Amira (alias))"; a
 * record the reader may not see keeps its number only.
 */
@Component
class CaseworkAuditNames implements AuditNames {

	private final PersonStore persons;

	private final PersonLabels labels;

	private final CaseAccess access;

	private final MessageSource messages;

	private final AuditLog audit;

	CaseworkAuditNames(PersonStore persons, PersonLabels labels, CaseAccess access, MessageSource messages,
			AuditLog audit) {
		this.audit = audit;
		this.persons = persons;
		this.labels = labels;
		this.access = access;
		this.messages = messages;
	}

	@Override
	public boolean names(String subjectType) {
		return AuditSubject.PERSON.code().equals(subjectType) || AuditSubject.CASE.code().equals(subjectType);
	}

	@Override
	public Map<String, String> of(String subjectType, Collection<String> ids) {
		List<Long> numbers = ids.stream().filter(id -> id.matches("[0-9]{1,18}")).map(Long::valueOf).toList();
		var names = new HashMap<String, String>();
		if (numbers.isEmpty() || CurrentUser.get().isEmpty()) {
			return names;
		}
		var scope = access.scope();
		if (AuditSubject.PERSON.code().equals(subjectType)) {
			persons.visible(scope, numbers).forEach(p -> names.put(String.valueOf(p.id()), labels.of(p)));
			// naming a person in the log shows who they are: a read of each, with the
			// purpose "log review"
			audit.readAll(AuditSubject.PERSON, List.copyOf(names.keySet()), ReadPurpose.ACCESS_LOG_REVIEW);
		}
		else {
			labels.ofCases(scope, numbers)
				.forEach((id, people) -> names.put(String.valueOf(id), messages.getMessage("case.label.named",
						new Object[] { id, people }, LocaleContextHolder.getLocale())));
			audit.readAll(AuditSubject.CASE, List.copyOf(names.keySet()), ReadPurpose.ACCESS_LOG_REVIEW);
		}
		return names;
	}

}
