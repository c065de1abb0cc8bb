package se.skyddsnat.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.outreach.MinorEncountered;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.casework.core.CaseworkLimits;

/**
 * The units' tasks. A child met on a shift gives two, due the same day: contact the guardians, and
 * file a report of concern with the child's municipality. They are created in the transaction that
 * records the shift, so no shift is stored without its tasks. Users see the tasks of their own units only.
 */
@Service
public class Tasks {

    private static final RowMapper<Task> TASK = (rs, n) -> new Task(rs.getLong("id"),
            UnitCode.of(rs.getString("unit_code")), TaskKind.valueOf(rs.getString("kind").toUpperCase()),
            rs.getObject("due_date", LocalDate.class), (Long) rs.getObject("shift_id"),
            rs.getString("municipality") == null ? null : MunicipalityCode.of(rs.getString("municipality")),
            rs.getObject("done_on", LocalDate.class), rs.getString("done_to"), rs.getString("done_by"),
            rs.getBoolean("historical"), (Long) rs.getObject("case_id"));

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Tasks(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(MinorEncountered event) {
        for (TaskKind kind : TaskKind.values()) {
            jdbc.sql("""
                    INSERT INTO casework.tasks (unit_code, kind, due_date, shift_id, encounter_id, municipality,
                                                done_on, done_to, done_by, historical)
                    VALUES (:unit, :kind, :due, :shift, :encounter, :m, :on, :to, :by, :historical)
                    ON CONFLICT (encounter_id, kind) DO NOTHING""")
                    .param("unit", event.unit().value()).param("kind", kind.code()).param("due", event.date())
                    .param("shift", event.shiftId()).param("encounter", event.encounterId())
                    .param("m", kind == TaskKind.CONCERN_REPORT ? event.reportTo().value() : null)
                    .param("on", event.historical() ? event.date() : null)
                    .param("to", event.historical() ? "historical import" : null)
                    .param("by", event.historical() ? "system" : null)
                    .param("historical", event.historical())
                    .update();
        }
    }

    /** Open tasks of the current user's units, overdue first. */
    public List<Task> openForCurrentUser() {
        var units = CurrentUser.get().map(u -> u.units().stream().map(UnitCode::value).toArray(String[]::new))
                .orElse(new String[0]);
        if (units.length == 0) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT * FROM casework.tasks
                 WHERE done_on IS NULL AND unit_code = ANY (?)
                 ORDER BY due_date, id""").param(units).query(TASK).list();
    }

    /** A task of one of the user's units; others do not exist for the user. */
    public Optional<Task> find(long id) {
        return jdbc.sql("SELECT * FROM casework.tasks WHERE id = ?").param(id).query(TASK).optional()
                .filter(t -> CurrentUser.get().map(u -> u.belongsTo(t.unit())).orElse(false));
    }

    /** Tasks from one shift (for the shift page), if the user belongs to their unit. */
    public List<Task> forShift(long shiftId) {
        return jdbc.sql("SELECT * FROM casework.tasks WHERE shift_id = ? ORDER BY id").param(shiftId).query(TASK)
                .list().stream().filter(t -> CurrentUser.get().map(u -> u.belongsTo(t.unit())).orElse(false))
                .toList();
    }

    /**
     * Records the task as done. When two people close it at once, one wins; the other gets {@link TaskAlreadyDone}
     * (nothing changed, nothing audited), as does anyone closing a task that is already done.
     */
    @Transactional
    public void close(long id, LocalDate doneOn, String doneTo) {
        Task task = find(id).orElseThrow(() -> InvalidInput.of("id", "task.error.notFound"));
        if (!task.open()) {
            throw new TaskAlreadyDone(task);
        }
        var in = Input.of(clock);
        if (doneOn == null) {
            in.reject("doneOn", "task.error.doneOn");
        }
        in.date("doneOn", doneOn, in.past(), "task.error.doneOn");
        String to = in.required("doneTo", doneTo, CaseworkLimits.TASK_DONE_TO, "task.error.doneTo");
        in.check();
        // a concurrent close waits here for the first one's row and then finds it done: it changes (and audits) nothing
        int closed = jdbc.sql("""
                UPDATE casework.tasks SET done_on = ?, done_to = ?, done_by = ? WHERE id = ? AND done_on IS NULL""")
                .params(doneOn, to, CurrentUser.require().username(), id).update();
        if (closed == 0) {
            throw new TaskAlreadyDone(find(id).orElse(task));
        }
        audit.record(AuditEvent.of(AuditKind.CHANGE).subject(AuditSubject.TASK, id).details("done " + task.kind().code()));
    }
}
