package se.skyddsnat.casework.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
 * The units' tasks over JSON, through the same service as the start page and the task page. A task already done is
 * {@code TaskAlreadyDone}: 409 problem+json with {@code doneBy} and {@code doneOn}, through the one error path.
 */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "casework", description = "People and cases (need-to-know; every read audited)")
class TaskApi {

    record TaskJson(long id, String unit, String kind, LocalDate dueDate, Long shiftId, Long caseId,
            String municipality, LocalDate doneOn, String doneTo, String doneBy) {
        static TaskJson of(Task t) {
            return new TaskJson(t.id(), t.unit().value(), t.kind().code(), t.dueDate(), t.shiftId(), t.caseId(),
                    t.municipality() == null ? null : t.municipality().value(), t.doneOn(), t.doneTo(), t.doneBy());
        }
    }

    private final Tasks tasks;

    TaskApi(Tasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    @Operation(summary = "The open tasks of the caller's units, overdue first")
    List<TaskJson> open() {
        return tasks.openForCurrentUser().stream().map(TaskJson::of).toList();
    }

    @PostMapping("/{id}/done")
    @Operation(summary = "Record a task of one of the caller's units as done {doneOn: YYYY-MM-DD, doneTo: to whom}",
            description = "404 for a task outside the caller's units. When it is already done — also when a colleague "
                    + "closed it a moment before — 409 problem+json with doneBy, and nothing is changed.")
    TaskJson done(@PathVariable long id, @RequestBody Tasks.Done body) {
        tasks.find(id).orElseThrow(CaseAccess::notFound);
        tasks.close(id, body);
        return TaskJson.of(tasks.find(id).orElseThrow(CaseAccess::notFound));
    }
}
