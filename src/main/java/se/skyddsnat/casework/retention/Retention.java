package se.skyddsnat.casework.retention;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.casework.core.CaseAccess;
import se.skyddsnat.casework.retention.RetentionStore.CaseFacts;
import se.skyddsnat.casework.retention.RetentionStore.PersonFacts;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.shared.UnitCode;

/**
 * What falls due for retention in a unit, and its deletion after the unit's manager
 * approved it. A person record falls due when the last entry in the person's cases (or
 * the record itself, without cases) is older than the configured time
 * ({@link RetentionProperties}), none of the person's cases is open and no exception
 * holds; a case falls due when it is the unit's and every person in it falls due. Listing
 * is a read of the people (audited); approving records the approval, deletes through the
 * database function and writes one audit row per deleted record — that it existed, that
 * it was deleted and by which approval, never its content.
 */
@Service
@RequiredArgsConstructor
class Retention {

	/**
	 * A record that falls due: its id, how the manager recognises it, its last entry and
	 * when it fell due.
	 */
	record DueRecord(long id, String label, LocalDate lastEntry, LocalDate dueAfter) {
	}

	/**
	 * A unit's list: the people and cases due, and how many records an exception keeps.
	 */
	record DueList(UnitCode unit, List<DueRecord> people, List<DueRecord> cases, int keptByException) {
		public boolean empty() {
			return people.isEmpty() && cases.isEmpty();
		}
	}

	/** An approval carried out. */
	record Deleted(long approval, int people, int cases) {
	}

	private final RetentionStore store;

	private final RetentionProperties properties;

	private final AuditLog audit;

	private final Clock clock;

	/** The lists of the current manager's units, today. */
	@Transactional
	public List<DueList> forCurrentManager() {
		CurrentUser user = manager();
		var lists = new ArrayList<DueList>();
		for (UnitCode unit : user.units()) {
			DueList list = due(unit, LocalDate.now(clock));
			audit.readAll(AuditSubject.PERSON, list.people().stream().map(DueRecord::id).toList(),
					ReadPurpose.RETENTION);
			lists.add(list);
		}
		return lists;
	}

	/**
	 * Approves and carries out the unit's list as it is now (the manager saw the same
	 * list, recomputed here so that nothing that became active since is deleted). The
	 * unit must be one of the manager's.
	 */
	@Transactional
	public Deleted approve(String unitCode) {
		CurrentUser user = manager();
		UnitCode unit = user.units()
			.stream()
			.filter(u -> u.value().equals(unitCode))
			.findFirst()
			.orElseThrow(CaseAccess::notFound);
		LocalDate today = LocalDate.now(clock);
		DueList list = due(unit, today);
		if (list.empty()) {
			return new Deleted(0, 0, 0);
		}
		List<Long> people = list.people().stream().map(DueRecord::id).toList();
		List<Long> cases = list.cases().stream().map(DueRecord::id).toList();
		long approval = store.approve(unit.value(), today, people, cases, user.username(), clock.instant());
		audit.record(AuditEvent.of(AuditKind.CHANGE)
			.subject(AuditSubject.RETENTION_APPROVAL, approval)
			.details("retention approved for " + unit.value() + ": " + people.size() + " person record(s), "
					+ cases.size() + " case(s), due on " + today));
		int[] deleted = store.delete(approval);
		String why = "retention: deleted by approval " + approval + " of " + user.username() + " on " + today;
		for (long id : people) {
			audit.change(AuditSubject.PERSON, id, why);
		}
		for (long id : cases) {
			audit.change(AuditSubject.CASE, id, why);
		}
		return new Deleted(approval, deleted[0], deleted[1]);
	}

	DueList due(UnitCode unit, LocalDate today) {
		List<PersonFacts> people = store.peopleOf(unit.value());
		List<CaseFacts> cases = store.casesOf(unit.value());
		Map<Long, List<CaseFacts>> casesOfPerson = new HashMap<>();
		for (CaseFacts c : cases) {
			for (long p : c.people()) {
				casesOfPerson.computeIfAbsent(p, k -> new ArrayList<>()).add(c);
			}
		}
		Set<Long> duePeople = new HashSet<>();
		Map<Long, LocalDate> lastOf = new HashMap<>();
		int kept = 0;
		for (PersonFacts p : people) {
			List<CaseFacts> own = casesOfPerson.getOrDefault(p.id(), List.of());
			LocalDate last = p.registeredOn();
			for (CaseFacts c : own) {
				if (c.lastEntry() != null && c.lastEntry().isAfter(last)) {
					last = c.lastEntry();
				}
			}
			lastOf.put(p.id(), last);
			boolean old = today.isAfter(dueAfter(last)) && own.stream().noneMatch(CaseFacts::open);
			if (!old) {
				continue;
			}
			if (keptForResearch(p) || (properties.keepChildCases() && own.stream().anyMatch(CaseFacts::withChild))) {
				kept++;
				continue;
			}
			duePeople.add(p.id());
		}
		// a case goes only with all its people, and a person only with all their cases
		Set<Long> dueCases = new HashSet<>();
		boolean changed = true;
		while (changed) {
			changed = false;
			dueCases.clear();
			for (CaseFacts c : cases) {
				if (c.unit().equals(unit.value()) && duePeople.containsAll(c.people())) {
					dueCases.add(c.id());
				}
			}
			for (var it = duePeople.iterator(); it.hasNext();) {
				long p = it.next();
				if (!casesOfPerson.getOrDefault(p, List.of()).stream().allMatch(c -> dueCases.contains(c.id()))) {
					it.remove();
					changed = true;
				}
			}
		}
		var dueP = people.stream()
			.filter(p -> duePeople.contains(p.id()))
			.map(p -> new DueRecord(p.id(), p.name() != null ? p.name() : p.alias(), lastOf.get(p.id()),
					dueAfter(lastOf.get(p.id()))))
			.toList();
		var dueC = cases.stream()
			.filter(c -> dueCases.contains(c.id()))
			.map(c -> new DueRecord(c.id(), c.kind(), c.lastEntry(), dueAfter(c.lastEntry())))
			.toList();
		return new DueList(unit, dueP, dueC, kept);
	}

	/** The last day a record with this last entry is kept. */
	LocalDate dueAfter(LocalDate lastEntry) {
		LocalDate end = lastEntry.plus(properties.keep());
		return properties.toYearEnd() ? end.withDayOfYear(end.lengthOfYear()) : end;
	}

	private boolean keptForResearch(PersonFacts p) {
		if (p.digits() == null || p.digits().length() != 12) {
			return false;
		}
		int day = Integer.parseInt(p.digits().substring(6, 8));
		return properties.keepBirthDays().contains(day > 60 ? day - 60 : day);
	}

	private static CurrentUser manager() {
		CurrentUser user = CurrentUser.require();
		if (!user.hasRole(Role.MANAGER)) {
			throw new AccessDeniedException("Retention is approved by the unit's manager");
		}
		return user;
	}

}
