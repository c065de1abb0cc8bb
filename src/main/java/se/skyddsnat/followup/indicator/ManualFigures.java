package se.skyddsnat.followup.indicator;

import java.time.LocalDate;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Figures reported from outside the system for a manual indicator, per period, with their
 * source.
 */
@Repository
@RequiredArgsConstructor
class ManualFigures {

	record Figure(long id, String indicator, LocalDate from, LocalDate to, long value, String source) {
	}

	private final JdbcClient jdbc;

	/** The sum of the figures whose period lies within {@code from}–{@code to}. */
	long sum(String indicator, LocalDate from, LocalDate to) {
		return jdbc.sql("""
				SELECT coalesce(sum(value), 0) FROM followup.manual_figures
				 WHERE indicator = ? AND period_from >= ? AND period_to <= ?""")
			.params(indicator, from, to)
			.query(Long.class)
			.single();
	}

	List<Figure> all(String indicator) {
		return jdbc.sql("SELECT * FROM followup.manual_figures WHERE indicator = ? ORDER BY period_from DESC")
			.param(indicator)
			.query((rs, n) -> new Figure(rs.getLong("id"), rs.getString("indicator"),
					rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
					rs.getLong("value"), rs.getString("source")))
			.list();
	}

	/** Enters or replaces the figure of a period. */
	void put(String indicator, LocalDate from, LocalDate to, long value, String source, String by) {
		jdbc.sql("""
				INSERT INTO followup.manual_figures (indicator, period_from, period_to, value, source, recorded_by)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (indicator, period_from, period_to)
				DO UPDATE SET value = excluded.value, source = excluded.source, recorded_by = excluded.recorded_by,
				              recorded_at = now()""").params(indicator, from, to, value, source, by).update();
	}

}
