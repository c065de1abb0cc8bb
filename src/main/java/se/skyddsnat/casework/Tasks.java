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

	/** The tasks of a child met point to the case opened for the child. */
	void pointToCase(long encounterId, long caseId) {
		store.pointToCase(encounterId, caseId);
	}

	private static boolean ofUsersUnit(Task task) {
		return CurrentUser.get().map(u -> u.belongsTo(task.unit())).orElse(false);
	}

}
