package se.skyddsnat.outreach;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.Municipality;

/**
 * The period's figures in a handful of aggregate queries over the date index; no rows are loaded
 * into Java. {@code :kind} null means both kinds.
 */
@Repository
class StatisticsQueries {

    private static final String PERIOD = " " + """
            shift_date BETWEEN :from AND :to AND (CAST(:kind AS varchar) IS NULL OR kind = CAST(:kind AS varchar))""";

    /** Encounters {@code e} on shifts {@code s} that count: neither is voided (makulerad). */
    private static final String COUNTED = " s.voided_at IS NULL AND e.voided_at IS NULL AND";

    private final JdbcClient jdbc;
    private final Municipalities municipalities;

    StatisticsQueries(JdbcClient jdbc, Municipalities municipalities) {
        this.jdbc = jdbc;
        this.municipalities = municipalities;
    }

    /** The figures of joint shifts, own shifts and both, from one snapshot of the database. */
    record Kinds(OutreachStatistics joint, OutreachStatistics own, OutreachStatistics all) {
    }

    /**
     * The three kinds' figures in one repeatable-read transaction of its own: every query sees the same snapshot,
     * so the figures add up exactly (A = J + O, the arenas to the shifts), as suppression relies on, even while
     * shifts are being recorded.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ, propagation = Propagation.REQUIRES_NEW)
    public Kinds computeKinds(LocalDate from, LocalDate to, int weeklyTarget) {
        return new Kinds(compute(from, to, ShiftKind.JOINT, weeklyTarget), compute(from, to, ShiftKind.OWN, weeklyTarget),
                compute(from, to, null, weeklyTarget));
    }

    OutreachStatistics compute(LocalDate from, LocalDate to, ShiftKind kind, int weeklyTarget) {
        String k = kind == null ? null : kind.code();
        Map<String, Object> s = jdbc.sql("""
                SELECT count(*) AS shifts,
                       count(*) FILTER (WHERE kind = 'joint') AS joint,
                       count(*) FILTER (WHERE kind = 'own') AS own,
                       count(*) FILTER (WHERE police_operation = 'surveillance') AS surveillance,
                       count(*) FILTER (WHERE police_operation = 'raid') AS raid
                  FROM outreach.shifts WHERE voided_at IS NULL AND """ + PERIOD)
                .param("from", from).param("to", to).param("kind", k).query().singleRow();
        Map<String, Object> e = jdbc.sql("""
                SELECT count(*) AS encounters,
                       count(*) FILTER (WHERE e.role = 'exposed') AS exposed,
                       count(*) FILTER (WHERE e.role = 'exposed' AND e.is_minor) AS exposed_minors,
                       count(*) FILTER (WHERE e.role = 'buyer') AS buyers,
                       count(*) FILTER (WHERE e.role = 'buyer' AND e.is_minor) AS buyer_minors,
                       count(*) FILTER (WHERE e.role = 'other') AS other,
                       count(*) FILTER (WHERE e.role = 'other' AND e.is_minor) AS other_minors,
                       count(*) FILTER (WHERE e.support_offered) AS offered,
                       count(*) FILTER (WHERE e.accepted = 'yes') AS accepted
                  FROM outreach.encounters e JOIN outreach.shifts s ON s.id = e.shift_id
                 WHERE """ + COUNTED + PERIOD)
                .param("from", from).param("to", to).param("kind", k).query().singleRow();

        var names = new LinkedHashMap<String, String>();
        for (Municipality m : municipalities.all()) {
            names.put(m.code().value(), m.name());
        }
        var homes = new ArrayList<OutreachStatistics.HomeRow>();
        var abroad = new long[3];
        var unknown = new long[3];
        jdbc.sql("""
                SELECT e.home, count(*) FILTER (WHERE e.role = 'exposed') AS exposed,
                       count(*) FILTER (WHERE e.role = 'buyer') AS buyers,
                       count(*) FILTER (WHERE e.role = 'other') AS other
                  FROM outreach.encounters e JOIN outreach.shifts s ON s.id = e.shift_id
                 WHERE """ + COUNTED + PERIOD + " GROUP BY e.home ORDER BY e.home")
                .param("from", from).param("to", to).param("kind", k)
                .query(rs -> {
                    String home = rs.getString("home");
                    long[] counts = { rs.getLong("exposed"), rs.getLong("buyers"), rs.getLong("other") };
                    switch (home) {
                        case "abroad" -> System.arraycopy(counts, 0, abroad, 0, 3);
                        case "unknown" -> System.arraycopy(counts, 0, unknown, 0, 3);
                        default -> homes.add(new OutreachStatistics.HomeRow(home, names.getOrDefault(home, home),
                                counts[0], counts[1], counts[2]));
                    }
                });
        homes.add(new OutreachStatistics.HomeRow("abroad", null, abroad[0], abroad[1], abroad[2]));
        homes.add(new OutreachStatistics.HomeRow("unknown", null, unknown[0], unknown[1], unknown[2]));

        var arenas = new LinkedHashMap<Arena, long[]>();
        for (Arena a : Arena.values()) {
            arenas.put(a, new long[2]);
        }
        jdbc.sql("""
                SELECT s.arena, count(DISTINCT s.id) AS shifts, count(e.id) AS encounters
                  FROM outreach.shifts s LEFT JOIN outreach.encounters e ON e.shift_id = s.id AND e.voided_at IS NULL
                 WHERE s.voided_at IS NULL AND """ + PERIOD + " GROUP BY s.arena")
                .param("from", from).param("to", to).param("kind", k)
                .query(rs -> {
                    long[] v = arenas.get(Codes.parse(Arena.class, rs.getString("arena")).orElseThrow());
                    v[0] = rs.getLong("shifts");
                    v[1] = rs.getLong("encounters");
                });
        var byArena = arenas.entrySet().stream()
                .map(en -> new OutreachStatistics.ArenaRow(en.getKey(), en.getValue()[0], en.getValue()[1])).toList();

        var weeks = new LinkedHashMap<LocalDate, Long>();
        LocalDate firstMonday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (LocalDate w = firstMonday; !w.isAfter(to); w = w.plusWeeks(1)) {
            weeks.put(w, 0L);
        }
        boolean jointCounted = kind == null || kind == ShiftKind.JOINT;
        if (jointCounted) {
            jdbc.sql("""
                    SELECT date_trunc('week', shift_date)::date AS week, count(*) AS n
                      FROM outreach.shifts
                     WHERE shift_date BETWEEN :from AND :to AND kind = 'joint' AND voided_at IS NULL
                     GROUP BY 1""")
                    .param("from", from).param("to", to)
                    .query(rs -> {
                        weeks.put(rs.getObject("week", LocalDate.class), rs.getLong("n"));
                    });
        }
        List<OutreachStatistics.WeekRow> perWeek = weeks.entrySet().stream()
                .map(en -> new OutreachStatistics.WeekRow(en.getKey(), en.getValue())).toList();

        return new OutreachStatistics(from, to, kind, n(s, "shifts"), n(s, "joint"), n(s, "own"),
                n(s, "surveillance"), n(s, "raid"), n(e, "encounters"), n(e, "exposed"), n(e, "exposed_minors"),
                n(e, "buyers"), n(e, "buyer_minors"), n(e, "other"), n(e, "other_minors"), n(e, "offered"),
                n(e, "accepted"), homes, byArena, perWeek, weeklyTarget);
    }

    private static long n(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
