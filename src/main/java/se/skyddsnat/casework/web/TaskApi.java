package se.skyddsnat.casework.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import se.skyddsnat.shared.Input;
import se.skyddsnat.casework.Task;
import se.skyddsnat.casework.TaskAlreadyDone;
import se.skyddsnat.casework.Tasks;
import se.skyddsnat.casework.core.CaseAccess;
import se.skyddsnat.casework.core.CaseworkLimits;

/** The units' tasks over JSON, through the same service as the start page and the task page. */
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

    record DoneBody(String doneOn, String doneTo) {
    }

    private final Tasks tasks;
    private final MessageSource messages;

    private final Clock clock;

    TaskApi(Tasks tasks, MessageSource messages, Clock clock) {
        this.tasks = tasks;
        this.messages = messages;
        this.clock = clock;
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
    TaskJson done(@PathVariable long id, @RequestBody DoneBody body) {
        tasks.find(id).orElseThrow(CaseAccess::notFound);
        var in = Input.of(clock);
        LocalDate doneOn = in.requiredDate("doneOn", body.doneOn(), in.past(), "task.error.doneOn");
        in.required("doneTo", body.doneTo(), CaseworkLimits.TASK_DONE_TO, "task.error.doneTo");
        in.check();
        tasks.close(id, doneOn, body.doneTo());
        return TaskJson.of(tasks.find(id).orElseThrow(CaseAccess::notFound));
    }

    @ExceptionHandler(TaskAlreadyDone.class)
    ProblemDetail alreadyDone(TaskAlreadyDone e, HttpServletRequest request) {
        Locale locale = request.getHeader("Accept-Language") == null ? Locale.forLanguageTag("sv") : request.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                messages.getMessage("task.error.alreadyDone", new Object[] { e.task().doneBy() }, locale));
        problem.setTitle(messages.getMessage("task.problem.alreadyDone.title", null, locale));
        problem.setProperty("doneBy", e.task().doneBy());
        problem.setProperty("doneOn", e.task().doneOn());
        return problem;
    }
}
