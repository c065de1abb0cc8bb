package se.skyddsnat.region.nonjoined;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.skyddsnat.region.NonJoinedResidentsMet;
import se.skyddsnat.region.NonJoinedResidentsVoided;
import se.skyddsnat.region.Notice;
import se.skyddsnat.region.Notices.Counts;
import se.skyddsnat.shared.MunicipalityCode;

/** The notices in {@code region.notices}, each with its municipality's name. */
@Repository
@RequiredArgsConstructor
class NoticeStore {

	private static final RowMapper<Notice> NOTICE = (rs, n) -> new Notice(rs.getLong("id"), rs.getLong("shift_id"),
			rs.getObject("shift_date", LocalDate.class), MunicipalityCode.of(rs.getString("municipality")),
			rs.getString("name"), rs.getInt("exposed"), rs.getInt("buyers"), rs.getInt("other"),
			rs.getObject("informed_on", LocalDate.class), rs.getString("informed_how"), rs.getBoolean("historical"));

	private static final String SELECT = """
			SELECT n.*, m.name FROM region.notices n JOIN region.municipalities m ON m.code = n.municipality
			""";

	private static final String COUNTS = """
			SELECT municipality, count(*) FILTER (WHERE informed_on IS NULL) AS open,
			       count(*) FILTER (WHERE informed_on IS NOT NULL) AS closed
			  FROM region.notices WHERE NOT voided""";

	private final JdbcClient jdbc;

	/**
	 * The shift's notice to the municipality, once; a shift older than the import's limit
	 * gets it closed already.
	 */
	void insert(NonJoinedResidentsMet event) {
		jdbc.sql("""
				INSERT INTO region.notices (shift_id, shift_date, municipality, exposed, buyers, other,
				                            informed_on, informed_how, closed_by, historical)
				VALUES (:shift, :date, :m, :e, :b, :o, :on, :how, :by, :historical)
				ON CONFLICT (shift_id, municipality) DO NOTHING""")
			.param("shift", event.shiftId())
			.param("date", event.date())
			.param("m", event.municipality().value())
			.param("e", event.exposed())
			.param("b", event.buyers())
			.param("o", event.other())
			.param("on", event.historical() ? event.date() : null)
			.param("how", event.historical() ? "historical import" : null)
			.param("by", event.historical() ? "system" : null)
			.param("historical", event.historical())
			.update();
	}

	List<Notice> open() {
		return jdbc.sql(SELECT + "WHERE n.informed_on IS NULL ORDER BY n.shift_date, n.id").query(NOTICE).list();
	}

	List<Notice> all() {
		return jdbc.sql(SELECT + "ORDER BY n.shift_date DESC, n.id DESC").query(NOTICE).list();
	}

	List<Notice> of(MunicipalityCode municipality) {
		return jdbc.sql(SELECT + "WHERE n.municipality = :m ORDER BY n.shift_date DESC, n.id DESC")
			.param("m", municipality.value())
			.query(NOTICE)
			.list();
	}

	Optional<Notice> find(long id) {
		return jdbc.sql(SELECT + "WHERE n.id = :id").param("id", id).query(NOTICE).optional();
	}

	/**
	 * Records how the municipality was informed, unless someone did already: false then.
	 */
	boolean saveInformed(Notice notice, String closedBy) {
		return jdbc.sql("""
				UPDATE region.notices SET informed_on = ?, informed_how = ?, closed_by = ?
				 WHERE id = ? AND informed_on IS NULL""")
			.params(notice.informedOn(), notice.informedHow(), closedBy, notice.id())
			.update() == 1;
	}

	/**
	 * Takes voided people out of a shift's notices: all of them ({@code municipality}
	 * null) or some of one; a notice left with nobody is closed as "makulerad" (if open)
	 * and voided. Returns how many notices were voided.
	 */
	int voidPeople(NonJoinedResidentsVoided event) {
		if (event.municipality() != null) {
			jdbc.sql("""
					UPDATE region.notices SET exposed = greatest(exposed - :e, 0), buyers = greatest(buyers - :b, 0),
					       other = greatest(other - :o, 0)
					 WHERE shift_id = :shift AND municipality = :m AND NOT voided""")
				.param("e", event.exposed())
				.param("b", event.buyers())
				.param("o", event.other())
				.param("shift", event.shiftId())
				.param("m", event.municipality().value())
				.update();
		}
		return jdbc
			.sql("""
					UPDATE region.notices SET voided = true,
					       informed_on = coalesce(informed_on, :on), informed_how = coalesce(informed_how, 'makulerad'),
					       closed_by = coalesce(closed_by, :by)
					 WHERE shift_id = :shift AND NOT voided
					   AND (CAST(:m AS varchar) IS NULL OR (municipality = CAST(:m AS varchar) AND exposed + buyers + other = 0))""")
			.param("on", event.on())
			.param("by", event.by())
			.param("shift", event.shiftId())
			.param("m", event.municipality() == null ? null : event.municipality().value())
			.update();
	}

	/**
	 * Open and closed notices per municipality, over all shifts; municipalities without
	 * notices are absent.
	 */
	Map<MunicipalityCode, Counts> counts() {
		var counts = new TreeMap<MunicipalityCode, Counts>();
		jdbc.sql(COUNTS + " GROUP BY municipality").query(rs -> {
			counts.put(MunicipalityCode.of(rs.getString("municipality")),
					new Counts(rs.getLong("open"), rs.getLong("closed")));
		});
		return counts;
	}

	/** The same for the shifts of a period (both dates inclusive). */
	Map<MunicipalityCode, Counts> counts(LocalDate from, LocalDate to) {
		var counts = new TreeMap<MunicipalityCode, Counts>();
		jdbc.sql(COUNTS + " AND shift_date BETWEEN :from AND :to GROUP BY municipality")
			.param("from", from)
			.param("to", to)
			.query(rs -> {
				counts.put(MunicipalityCode.of(rs.getString("municipality")),
						new Counts(rs.getLong("open"), rs.getLong("closed")));
			});
		return counts;
	}

}
