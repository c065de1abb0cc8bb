package se.skyddsnat.region.agreement;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.skyddsnat.region.RegionalOfferStatus;
import se.skyddsnat.shared.MunicipalityCode;

/** The agreements in {@code region.agreements}, oldest first per municipality. */
@Repository
@RequiredArgsConstructor
class AgreementStore {

	private static final RowMapper<Agreement> ROW = (rs, n) -> new Agreement(rs.getLong("id"),
			MunicipalityCode.of(rs.getString("municipality")), rs.getObject("starts_on", LocalDate.class),
			rs.getObject("known_from", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
			services(rs.getArray("services")), rs.getString("note"), rs.getString("recorded_by"));

	private final JdbcClient jdbc;

	List<Agreement> history(MunicipalityCode code) {
		return jdbc
			.sql("SELECT * FROM region.agreements WHERE municipality = ? ORDER BY coalesce(starts_on, known_from), id")
			.param(code.value())
			.query(ROW)
			.list();
	}

	List<Agreement> all() {
		return jdbc.sql("SELECT * FROM region.agreements ORDER BY municipality, coalesce(starts_on, known_from), id")
			.query(ROW)
			.list();
	}

	Optional<Agreement> find(long id) {
		return jdbc.sql("SELECT * FROM region.agreements WHERE id = ?").param(id).query(ROW).optional();
	}

	long insert(MunicipalityCode code, LocalDate startsOn, LocalDate endsOn, Set<OfferService> services, String note,
			String recordedBy) {
		return jdbc.sql("""
				INSERT INTO region.agreements (municipality, starts_on, ends_on, services, note, recorded_by)
				VALUES (?, ?, ?, ?::varchar(16)[], ?, ?) RETURNING id""")
			.params(code.value(), startsOn, endsOn, array(services), note, recordedBy)
			.query(Long.class)
			.single();
	}

	void saveEnd(Agreement ended) {
		jdbc.sql("UPDATE region.agreements SET ends_on = ? WHERE id = ?").params(ended.endsOn(), ended.id()).update();
	}

	/**
	 * Locks the municipality's row until the transaction ends, so that two saves at once
	 * cannot record overlapping periods; its status in the 2022 report, or empty when
	 * there is no such municipality.
	 */
	Optional<RegionalOfferStatus> lock(MunicipalityCode code) {
		return jdbc.sql("SELECT regional_offer_2022 FROM region.municipalities WHERE code = ? FOR UPDATE")
			.param(code.value())
			.query(String.class)
			.optional()
			.map(RegionalOfferStatus::parse);
	}

	private static String array(Set<OfferService> services) {
		return services.stream().map(Enum::name).sorted().collect(Collectors.joining(",", "{", "}"));
	}

	private static Set<OfferService> services(Array array) throws SQLException {
		var set = EnumSet.noneOf(OfferService.class);
		for (Object o : (Object[]) array.getArray()) {
			set.add(OfferService.valueOf((String) o));
		}
		return set;
	}

}
