package se.skyddsnat.region.population;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.skyddsnat.region.population.PopulationTables.Figure;
import se.skyddsnat.region.population.PopulationTables.YearSummary;
import se.skyddsnat.shared.MunicipalityCode;

/** The population figures by municipality and year, in {@code region.population}. */
@Repository
@RequiredArgsConstructor
class PopulationStore {

	private final JdbcClient jdbc;

	/**
	 * Stores the year's figures, replacing those the year had for the same
	 * municipalities.
	 */
	void save(int year, Map<String, Integer> figures, String loadedBy) {
		for (var e : figures.entrySet()) {
			jdbc.sql("""
					INSERT INTO region.population (municipality, year, population, loaded_by) VALUES (?, ?, ?, ?)
					ON CONFLICT (municipality, year) DO UPDATE SET population = excluded.population,
					       loaded_by = excluded.loaded_by, loaded_at = now()""")
				.params(e.getKey(), year, e.getValue(), loadedBy)
				.update();
		}
	}

	/** Loaded years, newest first. */
	List<YearSummary> years() {
		return jdbc.sql("""
				SELECT year, count(*) AS n, sum(population) AS total FROM region.population
				 GROUP BY year ORDER BY year DESC""")
			.query((rs, n) -> new YearSummary(rs.getInt("year"), rs.getInt("n"), rs.getLong("total")))
			.list();
	}

	/**
	 * Each municipality's figure for the year, else its latest earlier one, else its
	 * earliest later one.
	 */
	Map<MunicipalityCode, Figure> forYear(int year) {
		return jdbc.sql("""
				SELECT DISTINCT ON (municipality) municipality, year, population FROM region.population
				 ORDER BY municipality, (year <= :year) DESC, CASE WHEN year <= :year THEN -year ELSE year END""")
			.param("year", year)
			.query((rs, n) -> new Figure(MunicipalityCode.of(rs.getString("municipality")), rs.getInt("year"),
					rs.getInt("population")))
			.list()
			.stream()
			.collect(Collectors.toMap(Figure::code, f -> f, (a, b) -> a, LinkedHashMap::new));
	}

}
