package se.skyddsnat.followup.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.skyddsnat.followup.plan.PlanRecords.ActionPlan;
import se.skyddsnat.followup.plan.PlanRecords.FollowUp;
import se.skyddsnat.followup.plan.PlanRecords.Measure;
import se.skyddsnat.followup.plan.PlanRecords.Programme;

@Repository
@RequiredArgsConstructor
class PlanStore {

	private final JdbcClient jdbc;

	long insertProgramme(String name, LocalDate from, LocalDate to, String goals, String by) {
		return jdbc.sql("""
				INSERT INTO followup.programmes (name, period_from, period_to, goals, created_by)
				VALUES (?, ?, ?, ?, ?) RETURNING id""").params(name, from, to, goals, by).query(Long.class).single();
	}

	Optional<Programme> latestProgramme() {
		return jdbc.sql("SELECT * FROM followup.programmes ORDER BY period_to DESC, id DESC LIMIT 1")
			.query((rs, n) -> new Programme(rs.getLong("id"), rs.getString("name"),
					rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
					rs.getString("goals")))
			.optional();
	}

	long insertPlan(Long programme, String name, LocalDate decidedOn, String by) {
		long id = jdbc.sql("""
				INSERT INTO followup.action_plans (programme_id, name, decided_on, created_by)
				VALUES (?, ?, ?, ?) RETURNING id""").params(programme, name, decidedOn, by).query(Long.class).single();
		for (Area area : Area.values()) {
			jdbc.sql("INSERT INTO followup.development_areas (plan_id, code) VALUES (?, ?)")
				.params(id, area.code())
				.update();
		}
		return id;
	}

	Optional<ActionPlan> latestPlan() {
		return jdbc.sql("SELECT * FROM followup.action_plans ORDER BY decided_on DESC, id DESC LIMIT 1")
			.query((rs, n) -> new ActionPlan(rs.getLong("id"), rs.getString("name"),
					rs.getObject("decided_on", LocalDate.class)))
			.optional();
	}

	long insertMeasure(long plan, Area area, String text, String owner, LocalDate from, LocalDate to, String by) {
		return jdbc.sql("""
				INSERT INTO followup.measures (area_id, text, owner, period_from, period_to, created_by)
				SELECT id, ?, ?, ?, ?, ? FROM followup.development_areas WHERE plan_id = ? AND code = ?
				RETURNING id""").params(text, owner, from, to, by, plan, area.code()).query(Long.class).single();
	}

	long insertFollowUp(long measure, LocalDate from, LocalDate to, MeasureStatus status, String account,
			List<String> evidence, String by) {
		long id = jdbc
			.sql("""
					INSERT INTO followup.measure_followups (measure_id, period_from, period_to, status, account, recorded_by)
					VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(measure, from, to, status.code(), account, by)
			.query(Long.class)
			.single();
		for (String indicator : evidence) {
			jdbc.sql("INSERT INTO followup.followup_evidence (followup_id, indicator) VALUES (?, ?)")
				.params(id, indicator)
				.update();
		}
		return id;
	}

	/**
	 * The plan's measures in area order, then oldest first, each with its follow-ups
	 * newest first.
	 */
	List<Measure> measures(long plan) {
		Map<Long, List<String>> evidence = new HashMap<>();
		jdbc.sql("""
				SELECT e.followup_id, e.indicator FROM followup.followup_evidence e
				  JOIN followup.measure_followups f ON f.id = e.followup_id
				  JOIN followup.measures m ON m.id = f.measure_id
				  JOIN followup.development_areas a ON a.id = m.area_id
				 WHERE a.plan_id = ? ORDER BY e.indicator""").param(plan).query(rs -> {
			evidence.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
		});
		Map<Long, List<FollowUp>> followUps = new HashMap<>();
		jdbc.sql("""
				SELECT f.* FROM followup.measure_followups f
				  JOIN followup.measures m ON m.id = f.measure_id
				  JOIN followup.development_areas a ON a.id = m.area_id
				 WHERE a.plan_id = ? ORDER BY f.period_to DESC, f.id DESC""").param(plan).query(rs -> {
			long id = rs.getLong("id");
			followUps.computeIfAbsent(rs.getLong("measure_id"), k -> new ArrayList<>())
				.add(new FollowUp(id, rs.getLong("measure_id"), rs.getObject("period_from", LocalDate.class),
						rs.getObject("period_to", LocalDate.class),
						MeasureStatus.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
						rs.getString("account"), List.copyOf(evidence.getOrDefault(id, List.of())),
						rs.getString("recorded_by")));
		});
		var measures = new ArrayList<Measure>();
		jdbc.sql("""
				SELECT m.*, a.code FROM followup.measures m JOIN followup.development_areas a ON a.id = m.area_id
				 WHERE a.plan_id = ? ORDER BY m.id""").param(plan).query(rs -> {
			measures.add(
					new Measure(rs.getLong("id"), Area.valueOf(rs.getString("code").toUpperCase(java.util.Locale.ROOT)),
							rs.getString("text"), rs.getString("owner"), rs.getObject("period_from", LocalDate.class),
							rs.getObject("period_to", LocalDate.class),
							List.copyOf(followUps.getOrDefault(rs.getLong("id"), List.of()))));
		});
		measures.sort(java.util.Comparator.comparing(Measure::area).thenComparing(Measure::id));
		return measures;
	}

}
