package se.skyddsnat.region.consultation;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;

/** The consultations in {@code region.consultations}. */
@Repository
@RequiredArgsConstructor
class ConsultationStore {

	private static final RowMapper<Consultation> ROW = (rs, n) -> new Consultation(rs.getLong("id"),
			rs.getObject("consulted_on", LocalDate.class), MunicipalityCode.of(rs.getString("municipality")),
			rs.getString("name"), UnitCode.of(rs.getString("unit")),
			ConsultationChannel.parse(rs.getString("channel")).orElseThrow(),
			ConsultationTopic.parse(rs.getString("topic")).orElseThrow(), rs.getInt("minutes"));

	private final JdbcClient jdbc;

	long insert(NewConsultation c, String recordedBy) {
		return jdbc
			.sql("""
					INSERT INTO region.consultations (consulted_on, municipality, unit, channel, topic, minutes, recorded_by)
					VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(c.date(), c.municipality().value(), c.unit().value(), c.channel().code(), c.topic().code(),
					c.minutes(), recordedBy)
			.query(Long.class)
			.single();
	}

	/**
	 * The consultations in a period (both dates inclusive), newest first; optionally of
	 * one municipality, and of the given units only ({@code units} null: of every unit).
	 */
	List<Consultation> list(LocalDate from, LocalDate to, MunicipalityCode municipality, Collection<UnitCode> units) {
		var where = new StringBuilder("WHERE c.consulted_on BETWEEN :from AND :to");
		if (municipality != null) {
			where.append(" AND c.municipality = :m");
		}
		if (units != null) {
			where.append(" AND c.unit IN (:units)");
		}
		var spec = jdbc.sql("""
				SELECT c.*, m.name FROM region.consultations c JOIN region.municipalities m ON m.code = c.municipality
				""" + where + " ORDER BY c.consulted_on DESC, c.id DESC").param("from", from).param("to", to);
		if (municipality != null) {
			spec = spec.param("m", municipality.value());
		}
		if (units != null) {
			spec = spec.param("units", units.stream().map(UnitCode::value).toList());
		}
		return spec.query(ROW).list();
	}

	/**
	 * Per municipality (every one, 0 included) the number of consultations in the period.
	 */
	Map<MunicipalityCode, Long> countByMunicipality(LocalDate from, LocalDate to) {
		var counts = new TreeMap<MunicipalityCode, Long>();
		jdbc.sql("""
				SELECT m.code, count(c.id) AS n
				  FROM region.municipalities m
				  LEFT JOIN region.consultations c ON c.municipality = m.code AND c.consulted_on BETWEEN :from AND :to
				 GROUP BY m.code""").param("from", from).param("to", to).query(rs -> {
			counts.put(MunicipalityCode.of(rs.getString("code")), rs.getLong("n"));
		});
		return counts;
	}

}
