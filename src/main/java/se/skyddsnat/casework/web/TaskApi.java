package se.skyddsnat.casework.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.skyddsnat.casework.Task;
import se.skyddsnat.casework.Tasks;
import se.skyddsnat.casework.core.CaseAccess;

/**
 * The units' tasks over JSON, through the same service as the start page and the task
 * page. A task already done is {@code TaskAlreadyDone}: 409 problem+json with
 * {@code doneBy} and {@code doneOn}, through the one error path.
 */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "casework", description = "People and cases (need-to-know; every read audited)")
@RequiredArgsConstructor
class TaskApi {

	/**
	 * A task: {@code subject} names the encounter in words, the same text as on the start
	 * page ("Flicka, 16 år · påträffad 2026-12-02, tillslag i lägenhet, Stockholm ·
	 * hemkommun Botkyrka"); {@code dueOn} the last day, {@code overdue} whether that day
	 * has passed with the task open; codes for unit and municipality.
	 */
	record TaskJson(long id, String unit, String kind, String subject, LocalDate dueOn, boolean overdue,
			LocalDate dueDate, Long shiftId, Long caseId, String municipality, LocalDate doneOn, String doneTo,
			String doneBy) {
		static TaskJson of(Task t, LocalDate today) {
			return new TaskJson(t.id(), t.unit().value(), t.kind().code(), t.subject(), t.dueDate(), t.overdueOn(today),
					t.dueDate(), t.shiftId(), t.caseId(), t.municipality() == null ? null : t.municipality().value(),
					t.doneOn(), t.doneTo(), t.doneBy());
		}
	}

	private final Tasks tasks;

	private final Clock clock;

	@GetMapping
	@Operation(summary = "The open tasks of the caller's units, overdue first",
			description = "Each with subject: the encounter it is about in words (role, gender and age; the shift's "
					+ "date, arena and municipality; the home municipality; the case and its people when linked, "
					+ "within what the caller may see), the same text as the start page; dueOn, overdue, kind, "
					+ "shiftId, caseId. Language from Accept-Language (Swedish by default).")
	List<TaskJson> open() {
		LocalDate today = LocalDate.now(clock);
		return tasks.openForCurrentUser().stream().map(t -> TaskJson.of(t, today)).toList();
	}

	@PostMapping("/{id}/done")
	@Operation(summary = "Record a task of one of the caller's units as done {doneOn: YYYY-MM-DD, doneTo: to whom}",
			description = "404 for a task outside the caller's units. When it is already done — also when a colleague "
					+ "closed it a moment before — 409 problem+json with doneBy, and nothing is changed.")
	TaskJson done(@PathVariable long id, @RequestBody Tasks.Done body) {
		tasks.find(id).orElseThrow(CaseAccess::notFound);
		tasks.close(id, body);
		return TaskJson.of(tasks.find(id).orElseThrow(CaseAccess::notFound), LocalDate.now(clock));
	}

}
