package se.skyddsnat.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The access log as a person reads it: who by display name, the record by what the reader
 * may see of it ("Amira (alias)", "Skyddad identitet", else "Person 6"), a list read as
 * one line ("lista, 12 personer") with the names behind it, the purpose and the details
 * as sentences from the bundles. Names are asked once per kind for a page.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AuditLines {

	/**
	 * One row of the log, said. {@code listed}: the names of the records a list or search
	 * showed.
	 */
	public record Line(AuditEntry entry, String actor, String subject, String purpose, String details,
			List<String> listed) {
	}

	private final ObjectProvider<AuditNames> namers;

	private final MessageSource messages;

	/**
	 * The rows said, with their records named as the reader may see them (naming people
	 * is itself audited).
	 */
	public List<Line> of(List<AuditEntry> entries) {
		return lines(entries, true);
	}

	/**
	 * The rows said, the records by kind and number only ("Person 6"): for a log review
	 * of one person or one user, where the names would add personal data the review does
	 * not need.
	 */
	public List<Line> withoutRecordNames(List<AuditEntry> entries) {
		return lines(entries, false);
	}

	private List<Line> lines(List<AuditEntry> entries, boolean nameRecords) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, Set<String>> wanted = new HashMap<>();
		for (AuditEntry e : entries) {
			if (e.actor() != null) {
				want(wanted, AuditNames.ACTOR, e.actor());
			}
			if (nameRecords && e.subjectType() != null && e.subjectId() != null) {
				want(wanted, e.subjectType(), e.subjectId());
			}
			if (nameRecords && e.subjectType() != null) {
				e.subjectIds().forEach(id -> want(wanted, e.subjectType(), id));
			}
			for (String arg : args(e.details())) {
				if (arg.startsWith("@") && arg.indexOf(':') > 1) {
					want(wanted, arg.substring(1, arg.indexOf(':')), arg.substring(arg.indexOf(':') + 1));
				}
			}
		}
		Map<String, Map<String, String>> names = new HashMap<>();
		wanted.forEach((type, ids) -> names.put(type, lookUp(type, ids)));
		var lines = new ArrayList<Line>();
		for (AuditEntry e : entries) {
			String actor = e.actor() == null ? "" : name(names, AuditNames.ACTOR, e.actor(), e.actor());
			String purpose = e.purpose() == null ? ""
					: label("audit.purpose." + code(e.purpose()), e.purpose(), locale);
			String type = e.subjectType() == null ? null
					: label("audit.subject." + code(e.subjectType()), e.subjectType(), locale);
			String subject;
			List<String> listed = List.of();
			if (!e.subjectIds().isEmpty()) {
				int n = e.subjectIds().size();
				String count = messages.getMessage("audit.group." + code(e.subjectType()), new Object[] { n },
						messages.getMessage("audit.group", new Object[] { n }, locale), locale);
				subject = purpose.isEmpty() ? count
						: messages.getMessage("audit.grouped", new Object[] { purpose, count }, locale);
				listed = e.subjectIds().stream().map(id -> name(names, e.subjectType(), id, type + " " + id)).toList();
			}
			else if (e.subjectType() != null) {
				subject = e.subjectId() == null ? type
						: name(names, e.subjectType(), e.subjectId(), type + " " + e.subjectId());
			}
			else {
				subject = "";
			}
			lines.add(new Line(e, actor, subject, purpose, details(e.details(), names, locale), listed));
		}
		return lines;
	}

	/**
	 * The details as a sentence: a structured detail through its bundle text, an older
	 * free text as it was stored.
	 */
	String details(String stored, Map<String, Map<String, String>> names, Locale locale) {
		if (stored == null || stored.isEmpty()) {
			return "";
		}
		String[] parts = stored.split("\\" + AuditDetails.SEPARATOR, -1);
		String key = "audit.detail." + parts[0];
		if (messages.getMessage(key, null, null, locale) == null) {
			return stored;
		}
		Object[] args = new Object[parts.length - 1];
		for (int i = 1; i < parts.length; i++) {
			String a = parts[i];
			if (a.startsWith("#")) {
				args[i - 1] = label(a.substring(1), a.substring(1), locale);
			}
			else if (a.startsWith("@") && a.indexOf(':') > 1) {
				String kind = a.substring(1, a.indexOf(':'));
				String id = a.substring(a.indexOf(':') + 1);
				args[i - 1] = name(names, kind, id, id);
			}
			else if (a.matches("-?[0-9]{1,18}")) {
				args[i - 1] = Long.valueOf(a); // a count or a number, for {n,number} and
												// {n,choice}
			}
			else {
				args[i - 1] = a;
			}
		}
		return messages.getMessage(key, args, locale);
	}

	private Map<String, String> lookUp(String type, Collection<String> ids) {
		var found = new HashMap<String, String>();
		namers.orderedStream().filter(n -> n.names(type)).forEach(n -> found.putAll(n.of(type, ids)));
		return found;
	}

	private static String name(Map<String, Map<String, String>> names, String type, String id, String otherwise) {
		return names.getOrDefault(type, Map.of()).getOrDefault(id, otherwise);
	}

	private String label(String key, String otherwise, Locale locale) {
		return messages.getMessage(key, null, otherwise, locale);
	}

	private static List<String> args(String stored) {
		if (stored == null || !stored.contains(AuditDetails.SEPARATOR)) {
			return List.of();
		}
		String[] parts = stored.split("\\" + AuditDetails.SEPARATOR, -1);
		return List.of(parts).subList(1, parts.length);
	}

	private static void want(Map<String, Set<String>> wanted, String type, String id) {
		wanted.computeIfAbsent(type, k -> new HashSet<>()).add(id);
	}

	private static String code(String stored) {
		return stored.replace('-', '_').replace(' ', '_');
	}

}
