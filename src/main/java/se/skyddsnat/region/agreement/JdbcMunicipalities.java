package se.skyddsnat.region.agreement;

import java.time.LocalDate;
import java.util.List;
import java.util.HashMap;
import java.util.Optional;
import java.util.function.BiFunction;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.Municipality;
import se.skyddsnat.region.RegionalOfferStatus;
import se.skyddsnat.shared.MunicipalityCode;

/**
 * The municipalities in {@code region.municipalities}, each with its latest population
 * figure; "joined on D?" from its agreement history. Also the store of the reference data
 * loaded at the first start.
 */
@Repository
@RequiredArgsConstructor
class JdbcMunicipalities implements Municipalities {

	private static final RowMapper<Municipality> ROW = (rs, n) -> new Municipality(
			MunicipalityCode.of(rs.getString("code")), rs.getString("name"), rs.getString("county"),
			rs.getInt("population"), rs.getInt("population_year"),
			RegionalOfferStatus.parse(rs.getString("regional_offer_2022")));

	/**
	 * With the latest loaded population table's figure (the reference file's until a
	 * newer one is loaded).
	 */
	private static final String SELECT = """
			SELECT m.code, m.name, m.county, m.regional_offer_2022,
			       p.population, p.year AS population_year
			  FROM region.municipalities m
			  LEFT JOIN LATERAL (SELECT population, year FROM region.population
			                      WHERE municipality = m.code ORDER BY year DESC LIMIT 1) p ON true""";

	private final JdbcClient jdbc;

	private final AgreementStore agreements;

	@Override
	public List<Municipality> all() {
		return jdbc.sql(SELECT + " ORDER BY m.code").query(ROW).list();
	}

	@Override
	public Optional<Municipality> find(MunicipalityCode code) {
		return jdbc.sql(SELECT + " WHERE m.code = ?").param(code.value()).query(ROW).optional();
	}

	@Override
	public Optional<RegionalOfferStatus> offerStatusOn(MunicipalityCode code, LocalDate date) {
		return find(code).map(m -> AgreementHistory.statusOn(m.regionalOffer2022(), agreements.history(code), date));
	}

	@Override
	public BiFunction<MunicipalityCode, LocalDate, Optional<RegionalOfferStatus>> offerStatusBook() {
		record Known(RegionalOfferStatus reference, List<Agreement> history) {
		}
		var known = new HashMap<MunicipalityCode, Optional<Known>>();
		return (code, date) -> known
			.computeIfAbsent(code, c -> find(c).map(m -> new Known(m.regionalOffer2022(), agreements.history(c))))
			.map(k -> AgreementHistory.statusOn(k.reference(), k.history(), date));
	}

	long count() {
		return jdbc.sql("SELECT count(*) FROM region.municipalities").query(Long.class).single();
	}

	void insert(Municipality m) {
		jdbc.sql("""
				INSERT INTO region.municipalities (code, name, county, regional_offer_2022)
				VALUES (?, ?, ?, ?)""")
			.params(m.code().value(), m.name(), m.county(), m.regionalOffer2022().csvValue())
			.update();
		// the reference figure is the first population table; the 2022 report's "joined"
		// is an agreement
		// whose start is unknown, in force from before 2022
		jdbc.sql(
				"INSERT INTO region.population (municipality, year, population, loaded_by) VALUES (?, ?, ?, 'reference data')")
			.params(m.code().value(), m.populationYear(), m.population())
			.update();
		if (m.regionalOffer2022() == RegionalOfferStatus.JOINED) {
			jdbc.sql("""
					INSERT INTO region.agreements (municipality, known_from, services, note, recorded_by)
					VALUES (?, DATE '2022-01-01', ARRAY['MIKA', 'KAST', 'COORDINATORS']::varchar(16)[],
					        '2022 års rapport', 'reference data')""").param(m.code().value()).update();
		}
	}

}
