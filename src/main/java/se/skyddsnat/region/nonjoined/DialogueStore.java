package se.skyddsnat.region.nonjoined;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.skyddsnat.shared.MunicipalityCode;

/**
 * The dialogue with the municipalities outside the offer, in
 * {@code region.dialogue_entries}.
 */
@Repository
@RequiredArgsConstructor
class DialogueStore {

	private static final RowMapper<DialogueEntry> ENTRY = (rs, n) -> new DialogueEntry(rs.getLong("id"),
			MunicipalityCode.of(rs.getString("municipality")), rs.getObject("contacted_on", LocalDate.class),
			rs.getString("contact"), rs.getString("outcome"), rs.getString("recorded_by_name"));

	private final JdbcClient jdbc;

	/**
	 * Each municipality's last contact: a dialogue entry, or a notice closed as "informed
	 * on D" (informing the municipality of its residents met is a contact too) — not one
	 * closed by a history import, whose day is only the shift's; municipalities never
	 * contacted are absent.
	 */
	Map<MunicipalityCode, LocalDate> lastContacts() {
		Map<MunicipalityCode, LocalDate> last = new HashMap<>();
		jdbc.sql("""
				SELECT municipality, max(contacted_on) AS last
				  FROM (SELECT municipality, contacted_on FROM region.dialogue_entries
				        UNION ALL
				        SELECT municipality, informed_on FROM region.notices
				         WHERE informed_on IS NOT NULL AND NOT historical) c
				 GROUP BY municipality""").query(rs -> {
			last.put(MunicipalityCode.of(rs.getString("municipality")), rs.getObject("last", LocalDate.class));
		});
		return last;
	}

	/** The dialogue with a municipality, newest contact first. */
	List<DialogueEntry> entries(MunicipalityCode code) {
		return jdbc.sql("""
				SELECT * FROM region.dialogue_entries WHERE municipality = ?
				 ORDER BY contacted_on DESC, id DESC""").param(code.value()).query(ENTRY).list();
	}

	long insert(MunicipalityCode municipality, LocalDate contactedOn, String contact, String outcome, String recordedBy,
			String recordedByName) {
		return jdbc.sql("""
				INSERT INTO region.dialogue_entries (municipality, contacted_on, contact, outcome, recorded_by,
				                                     recorded_by_name)
				VALUES (?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(municipality.value(), contactedOn, contact, outcome, recordedBy, recordedByName)
			.query(Long.class)
			.single();
	}

}
