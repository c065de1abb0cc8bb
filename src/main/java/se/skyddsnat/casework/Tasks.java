package se.skyddsnat.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditDetails;
import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.casework.core.CaseworkLimits;
import se.skyddsnat.casework.core.Letter;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.outreach.EncountersVoided;
import se.skyddsnat.outreach.MinorEncountered;
import se.skyddsnat.outreach.MinorsEncountered;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.UnitCode;

/**
 * The units' tasks. A child met on a shift gives two, due the same day: contact the
 * guardians, and file a report of concern with the child's municipality. They are created
 * in the transaction that records the shift, so no shift is stored without its tasks.
 * Users see the tasks of their own units only.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Tasks {

	/**
	 * A task's closing as typed: when it was done ({@code YYYY-MM-DD}, not in the future)
	 * and to whom.
	 */
	public record Done(String doneOn, String doneTo) {
	}

	private final TaskStore store;

	private final AuditLog audit;

	private final Clock clock;

	private final TaskDescriber describer;

	private final org.springframework.context.MessageSource messages;

	@EventListener
	void on(MinorEncountered event) {
		for (TaskKind kind : TaskKind.values()) {
			store.insert(event, kind);
		}
	}

	/** The tasks of the children of an import, in one statement per kind. */
	@EventListener
	void on(MinorsEncountered event) {
		for (TaskKind kind : TaskKind.values()) {
			store.insertAll(event.minors(), kind);
		}
	}

	/**
	 * A voided encounter's open tasks are closed as "makulerad", in the transaction that
	 * voids it.
	 */
	@EventListener
	void on(EncountersVoided event) {
		store.voidOpen(event.encounterIds(), event.on(), event.by());
	}

	/**
	 * Open tasks of the current user's units, overdue first, each naming its encounter
	 * ({@link Task#subject}).
	 */
	@Transactional(readOnly = true)
	public List<Task> openForCurrentUser() {
		var units = CurrentUser.get()
			.map(u -> u.units().stream().map(UnitCode::value).toArray(String[]::new))
			.orElse(new String[0]);
		return units.length == 0 ? List.of() : describer.describe(store.open(units));
	}

	/** A task of one of the user's units, described; others do not exist for the user. */
	@Transactional(readOnly = true)
	public Optional<Task> find(long id) {
		return store.find(id).filter(Tasks::ofUsersUnit).map(t -> describer.describe(List.of(t)).getFirst());
	}

	/** Tasks from one shift (for the shift page), if the user belongs to their unit. */
	public List<Task> forShift(long shiftId) {
		return store.ofShift(shiftId).stream().filter(Tasks::ofUsersUnit).toList();
	}

	/**
	 * Records the task as done. When two people close it at once, one wins; the other
	 * gets {@link TaskAlreadyDone} (nothing changed, nothing audited), as does anyone
	 * closing a task that is already done.
	 */
	@Transactional
	public void close(long id, Done input) {
		Task task = find(id).orElseThrow(() -> InvalidInput.of("id", "task.error.notFound"));
		var in = Input.of(clock);
		LocalDate doneOn = in.requiredDate("doneOn", input.doneOn(), in.past(), "task.error.doneOn");
		String doneTo = in.required("doneTo", input.doneTo(), CaseworkLimits.TASK_DONE_TO, "task.error.doneTo");
		in.check();
		if (!task.open() || !store.close(id, doneOn, doneTo, CurrentUser.require().username())) {
			throw new TaskAlreadyDone(find(id).orElse(task));
		}
		audit.record(AuditEvent.of(AuditKind.CHANGE)
			.subject(AuditSubject.TASK, id)
			.details(AuditDetails.of("task.done", AuditDetails.text("task.kind." + task.kind().name()))));
	}

	/**
	 * The report of concern (orosanmälan) of a {@code CONCERN_REPORT} task of the user's
	 * unit, as a letter in the one letter template ({@link Letter}): to the social
	 * services of the municipality the task names (or "okänd hemkommun"), what was met in
	 * the task's own words, the sending unit and the worker, the day. Producing it is
	 * audited as an export. Any other task, or one of another unit, does not exist for
	 * the user.
	 */
	@Transactional
	public byte[] concernReport(long id) {
		Task task = find(id).filter(t -> t.kind() == TaskKind.CONCERN_REPORT)
			.orElseThrow(() -> new java.util.NoSuchElementException("no such task"));
		var user = CurrentUser.require();
		var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		java.util.function.BiFunction<String, Object[], String> m = (key, args) -> messages.getMessage(key, args,
				locale);
		String recipient = task.municipalityName() == null ? m.apply("task.letter.recipient.unknown", null)
				: m.apply("task.letter.recipient.municipality", new Object[] { task.municipalityName() });
		var sections = new java.util.ArrayList<Letter.Section>();
		sections.add(new Letter.Section(m.apply("task.letter.recipient", null), List.of(recipient)));
		sections.add(new Letter.Section(m.apply("task.letter.met", null),
				List.of(task.subject() == null || task.subject().isEmpty() ? m.apply("task.letter.met.none", null)
						: task.subject())));
		sections.add(new Letter.Section(m.apply("task.letter.concern", null),
				List.of(m.apply("task.letter.concern.text", null))));
		String sender = m.apply("task.letter.sender",
				new Object[] { user.displayName(), task.unitName(), LocalDate.now(clock).toString() });
		byte[] pdf = new Letter(m.apply("secrecy.osl", null), m.apply("task.letter.title", null), sections, sender)
			.pdf();
		audit.record(AuditEvent.of(AuditKind.READ)
			.subject(AuditSubject.TASK, id)
			.purpose(se.skyddsnat.audit.ReadPurpose.EXPORT)
			.details(AuditDetails.of("task.concernReport", AuditDetails.named("unit", task.unit().value()))));
		return pdf;
	}

	/** The tasks of a child met point to the case opened for the child. */
	void pointToCase(long encounterId, long caseId) {
		store.pointToCase(encounterId, caseId);
	}

	private static boolean ofUsersUnit(Task task) {
		return CurrentUser.get().map(u -> u.belongsTo(task.unit())).orElse(false);
	}

}
