package se.skyddsnat.region.costsplit;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.skyddsnat.shared.MunicipalityCode;

/**
 * The years' costs ({@code region.cost_years}) and offer-area additions
 * ({@code region.cost_area_additions}).
 */
@Repository
@RequiredArgsConstructor
class CostSplitStore {

	private final JdbcClient jdbc;

	/** The cost recorded for the year, if any. */
	Optional<YearCost> cost(int year) {
		return jdbc
			.sql("SELECT total, mika_positions, kast_positions, coord_positions FROM region.cost_years WHERE year = ?")
			.param(year)
			.query((rs, n) -> new YearCost(rs.getLong("total"), rs.getBigDecimal("mika_positions"),
					rs.getBigDecimal("kast_positions"), rs.getBigDecimal("coord_positions")))
			.optional();
	}

	void saveCost(int year, long total, BigDecimal mika, BigDecimal kast, BigDecimal coordinators, String changedBy) {
		jdbc.sql("""
				INSERT INTO region.cost_years (year, total, mika_positions, kast_positions, coord_positions, changed_by)
				VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT (year) DO UPDATE SET total = excluded.total, mika_positions = excluded.mika_positions,
				       kast_positions = excluded.kast_positions, coord_positions = excluded.coord_positions,
				       changed_by = excluded.changed_by, changed_at = now()""")
			.params(year, total, mika, kast, coordinators, changedBy)
			.update();
	}

	/** The codes of the municipalities added to the year's offer area. */
	Set<String> additions(int year) {
		return jdbc.sql("SELECT municipality FROM region.cost_area_additions WHERE year = ?")
			.param(year)
			.query(String.class)
			.set();
	}

	/** The year's additions become exactly {@code codes}. */
	void replaceAdditions(int year, Set<MunicipalityCode> codes, String addedBy) {
		jdbc.sql("DELETE FROM region.cost_area_additions WHERE year = ?").param(year).update();
		for (MunicipalityCode code : codes) {
			jdbc.sql("INSERT INTO region.cost_area_additions (year, municipality, added_by) VALUES (?, ?, ?)")
				.params(year, code.value(), addedBy)
				.update();
		}
	}

}
