package se.skyddsnat.casework;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.skyddsnat.outreach.MinorEncountered;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;

/** The SQL of the units' tasks, one query per question. */
@Component
@RequiredArgsConstructor
class TaskStore {

	private static final RowMapper<Task> TASK = (rs, n) -> new Task(rs.getLong("id"),
			UnitCode.of(rs.getString("unit_code")), TaskKind.valueOf(rs.getString("kind").toUpperCase()),
			rs.getObject("due_date", LocalDate.class), (Long) rs.getObject("shift_id"),
			rs.getString("municipality") == null ? null : MunicipalityCode.of(rs.getString("municipality")),
			rs.getObject("done_on", LocalDate.class), rs.getString("done_to"), rs.getString("done_by"),
			rs.getBoolean("historical"), (Long) rs.getObject("case_id"), (Long) rs.getObject("encounter_id"), null,
			null, null);

	private final JdbcClient jdbc;

	/**
	 * The task of this kind for a child met, once per encounter; already done for a
	 * historical import.
	 */
	void insert(MinorEncountered event, TaskKind kind) {
		jdbc.sql("""
				INSERT INTO casework.tasks (unit_code, kind, due_date, shift_id, encounter_id, municipality,
				                            done_on, done_to, done_by, historical)
				VALUES (:unit, :kind, :due, :shift, :encounter, :m, :on, :to, :by, :historical)
				ON CONFLICT (encounter_id, kind) DO NOTHING""")
			.param("unit", event.unit().value())
			.param("kind", kind.code())
			.param("due", event.date())
			.param("shift", event.shiftId())
			.param("encounter", event.encounterId())
			.param("m", kind == TaskKind.CONCERN_REPORT ? event.reportTo().value() : null)
			.param("on", event.historical() ? event.date() : null)
			.param("to", event.historical() ? "historical import" : null)
			.param("by", event.historical() ? "system" : null)
			.param("historical", event.historical())
			.update();
	}

	/**
	 * The tasks of this kind for many children met, as {@link #insert} makes each, in one
	 * statement.
	 */
	void insertAll(List<MinorEncountered> events, TaskKind kind) {
		jdbc.sql("""
				INSERT INTO casework.tasks (unit_code, kind, due_date, shift_id, encounter_id, municipality,
				                            done_on, done_to, done_by, historical)
				SELECT m.unit, :kind, m.due, m.shift, m.encounter, CASE WHEN :report THEN m.report END,
				       CASE WHEN m.historical THEN m.due END, CASE WHEN m.historical THEN 'historical import' END,
				       CASE WHEN m.historical THEN 'system' END, m.historical
				  FROM unnest(:units::varchar[], :dues::date[], :shifts::bigint[], :encounters::bigint[],
				              :reports::varchar[], :historical::boolean[])
				       AS m (unit, due, shift, encounter, report, historical)
				ON CONFLICT (encounter_id, kind) DO NOTHING""")
			.param("kind", kind.code())
			.param("report", kind == TaskKind.CONCERN_REPORT)
			.param("units", events.stream().map(e -> e.unit().value()).toArray(String[]::new))
			.param("dues", events.stream().map(e -> e.date().toString()).toArray(String[]::new))
			.param("shifts", events.stream().map(MinorEncountered::shiftId).toArray(Long[]::new))
			.param("encounters", events.stream().map(MinorEncountered::encounterId).toArray(Long[]::new))
			.param("reports", events.stream().map(e -> e.reportTo().value()).toArray(String[]::new))
			.param("historical", events.stream().map(MinorEncountered::historical).toArray(Boolean[]::new))
			.update();
	}

	/** The open tasks of the units, overdue first. */
	List<Task> open(String[] units) {
		return jdbc.sql("""
				SELECT * FROM casework.tasks
				 WHERE done_on IS NULL AND unit_code = ANY (?)
				 ORDER BY due_date, id""").param(units).query(TASK).list();
	}

	Optional<Task> find(long id) {
		return jdbc.sql("SELECT * FROM casework.tasks WHERE id = ?").param(id).query(TASK).optional();
	}

	List<Task> ofShift(long shiftId) {
		return jdbc.sql("SELECT * FROM casework.tasks WHERE shift_id = ? ORDER BY id")
			.param(shiftId)
			.query(TASK)
			.list();
	}

	/** Closes the task unless it is done already; false when someone else was first. */
	boolean close(long id, LocalDate doneOn, String doneTo, String doneBy) {
		// a concurrent close waits here for the first one's row and then finds it done:
		// it changes nothing
		return jdbc.sql("""
				UPDATE casework.tasks SET done_on = ?, done_to = ?, done_by = ? WHERE id = ? AND done_on IS NULL""")
			.params(doneOn, doneTo, doneBy, id)
			.update() > 0;
	}

	/** Closes the encounters' open tasks as "makulerad" (voided). */
	void voidOpen(List<Long> encounterIds, LocalDate on, String by) {
		if (encounterIds.isEmpty()) {
			return;
		}
		jdbc.sql("""
				UPDATE casework.tasks SET done_on = ?, done_to = 'makulerad', done_by = ?, voided = true
				 WHERE encounter_id = ANY (?) AND done_on IS NULL""")
			.params(on, by, encounterIds.toArray(Long[]::new))
			.update();
	}

	/** The tasks of a child met now point to the case opened for the child. */
	void pointToCase(long encounterId, long caseId) {
		jdbc.sql("UPDATE casework.tasks SET case_id = ? WHERE encounter_id = ? AND case_id IS NULL")
			.params(caseId, encounterId)
			.update();
	}

}
