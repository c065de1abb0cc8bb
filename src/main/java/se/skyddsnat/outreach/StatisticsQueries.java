package se.skyddsnat.outreach;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.Municipality;

/**
 * The period's figures from the daily rollups ({@code outreach.daily_counts},
 * {@code outreach.daily_homes}, kept by triggers in the transaction of every change to
 * shifts and encounters): four aggregate queries over a few rows per day of the period,
 * never the encounters themselves; no rows are loaded into Java.
 */
@Repository
@RequiredArgsConstructor
class StatisticsQueries {

	/**
	 * The period and kinds in the rollups: a plan-stable shape (no "parameter IS NULL OR
	 * …"), so the generic plan a pooled connection switches to after five executions is
	 * the custom one.
	 */
	private static final String PERIOD = " day BETWEEN :from AND :to AND kind = ANY (:kinds)";

	private static final String[] BOTH = { "joint", "own" };

	private final JdbcClient jdbc;

	private final Municipalities municipalities;

	/**
	 * The figures of joint shifts, own shifts and both, from one snapshot of the
	 * database.
	 */
	record Kinds(OutreachStatistics joint, OutreachStatistics own, OutreachStatistics all) {
	}

	/**
	 * The three kinds' figures in one repeatable-read transaction of its own: every query
	 * sees the same snapshot, so the figures add up exactly (A = J + O, the arenas to the
	 * shifts), as suppression relies on, even while shifts are being recorded.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ, propagation = Propagation.REQUIRES_NEW)
	public Kinds computeKinds(LocalDate from, LocalDate to, int weeklyTarget) {
		return new Kinds(compute(from, to, ShiftKind.JOINT, weeklyTarget),
				compute(from, to, ShiftKind.OWN, weeklyTarget), compute(from, to, null, weeklyTarget));
	}

	OutreachStatistics compute(LocalDate from, LocalDate to, ShiftKind kind, int weeklyTarget) {
		String[] k = kind == null ? BOTH : new String[] { kind.code() };
		Map<String, Object> s = jdbc.sql("""
				SELECT coalesce(sum(shifts), 0) AS shifts,
				       coalesce(sum(shifts) FILTER (WHERE kind = 'joint'), 0) AS joint,
				       coalesce(sum(shifts) FILTER (WHERE kind = 'own'), 0) AS own,
				       coalesce(sum(shifts) FILTER (WHERE police_operation = 'surveillance'), 0) AS surveillance,
				       coalesce(sum(shifts) FILTER (WHERE police_operation = 'raid'), 0) AS raid,
				       coalesce(sum(encounters), 0) AS encounters, coalesce(sum(exposed), 0) AS exposed,
				       coalesce(sum(exposed_minors), 0) AS exposed_minors, coalesce(sum(buyers), 0) AS buyers,
				       coalesce(sum(buyer_minors), 0) AS buyer_minors, coalesce(sum(other), 0) AS other,
				       coalesce(sum(other_minors), 0) AS other_minors, coalesce(sum(offered), 0) AS offered,
				       coalesce(sum(accepted), 0) AS accepted
				  FROM outreach.daily_counts WHERE """ + PERIOD)
			.param("from", from)
			.param("to", to)
			.param("kinds", k)
			.query()
			.singleRow();
		Map<String, Object> e = s;

		var names = new LinkedHashMap<String, String>();
		for (Municipality m : municipalities.all()) {
			names.put(m.code().value(), m.name());
		}
		var homes = new ArrayList<OutreachStatistics.HomeRow>();
		var abroad = new long[3];
		var unknown = new long[3];
		// whole months of the period from the monthly rollup, the days before and after
		// them from the daily one
		LocalDate firstMonth = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
		LocalDate afterMonths = to.plusDays(1).withDayOfMonth(1);
		boolean months = firstMonth.isBefore(afterMonths);
		jdbc.sql("""
				SELECT home, sum(exposed) AS exposed, sum(buyers) AS buyers, sum(other) AS other
				  FROM (SELECT home, exposed, buyers, other FROM outreach.monthly_homes
				         WHERE month >= :firstMonth AND month < :afterMonths AND kind = ANY (:kinds)
				        UNION ALL
				        SELECT home, exposed, buyers, other FROM outreach.daily_homes
				         WHERE day BETWEEN :from AND :to AND kind = ANY (:kinds)
				           AND (day < :firstMonth OR day >= :afterMonths)) h
				 GROUP BY home HAVING sum(exposed) + sum(buyers) + sum(other) > 0 ORDER BY home""")
			.param("from", from)
			.param("to", to)
			.param("kinds", k)
			.param("firstMonth", months ? firstMonth : to.plusDays(1))
			.param("afterMonths", months ? afterMonths : to.plusDays(1))
			.query(rs -> {
				String home = rs.getString("home");
				long[] counts = { rs.getLong("exposed"), rs.getLong("buyers"), rs.getLong("other") };
				switch (home) {
					case "abroad" -> System.arraycopy(counts, 0, abroad, 0, 3);
					case "unknown" -> System.arraycopy(counts, 0, unknown, 0, 3);
					default -> homes.add(new OutreachStatistics.HomeRow(home, names.getOrDefault(home, home), counts[0],
							counts[1], counts[2]));
				}
			});
		homes.add(new OutreachStatistics.HomeRow("abroad", null, abroad[0], abroad[1], abroad[2]));
		homes.add(new OutreachStatistics.HomeRow("unknown", null, unknown[0], unknown[1], unknown[2]));

		var arenas = new LinkedHashMap<Arena, long[]>();
		for (Arena a : Arena.values()) {
			arenas.put(a, new long[2]);
		}
		jdbc.sql("""
				SELECT arena, sum(shifts) AS shifts, sum(encounters) AS encounters
				  FROM outreach.daily_counts
				 WHERE """ + PERIOD + " GROUP BY arena")
			.param("from", from)
			.param("to", to)
			.param("kinds", k)
			.query(rs -> {
				long[] v = arenas.get(Codes.parse(Arena.class, rs.getString("arena")).orElseThrow());
				v[0] = rs.getLong("shifts");
				v[1] = rs.getLong("encounters");
			});
		var byArena = arenas.entrySet()
			.stream()
			.map(en -> new OutreachStatistics.ArenaRow(en.getKey(), en.getValue()[0], en.getValue()[1]))
			.toList();

		var weeks = new LinkedHashMap<LocalDate, Long>();
		LocalDate firstMonday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		for (LocalDate w = firstMonday; !w.isAfter(to); w = w.plusWeeks(1)) {
			weeks.put(w, 0L);
		}
		boolean jointCounted = kind == null || kind == ShiftKind.JOINT;
		if (jointCounted) {
			jdbc.sql("""
					SELECT date_trunc('week', day)::date AS week, sum(shifts) AS n
					  FROM outreach.daily_counts
					 WHERE day BETWEEN :from AND :to AND kind = 'joint'
					 GROUP BY 1 HAVING sum(shifts) > 0""").param("from", from).param("to", to).query(rs -> {
				weeks.put(rs.getObject("week", LocalDate.class), rs.getLong("n"));
			});
		}
		List<OutreachStatistics.WeekRow> perWeek = weeks.entrySet()
			.stream()
			.map(en -> new OutreachStatistics.WeekRow(en.getKey(), en.getValue()))
			.toList();

		return new OutreachStatistics(from, to, kind, n(s, "shifts"), n(s, "joint"), n(s, "own"), n(s, "surveillance"),
				n(s, "raid"), n(e, "encounters"), n(e, "exposed"), n(e, "exposed_minors"), n(e, "buyers"),
				n(e, "buyer_minors"), n(e, "other"), n(e, "other_minors"), n(e, "offered"), n(e, "accepted"), homes,
				byArena, perWeek, weeklyTarget);
	}

	private static long n(Map<String, Object> row, String column) {
		return ((Number) row.get(column)).longValue();
	}

}
