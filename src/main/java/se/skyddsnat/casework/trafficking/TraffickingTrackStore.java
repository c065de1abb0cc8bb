package se.skyddsnat.casework.trafficking;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.skyddsnat.casework.Reminder;

/** The SQL of the trafficking track's records and reminders, one query per question. */
@Component
@RequiredArgsConstructor
class TraffickingTrackStore {

	private static final RowMapper<HousingPlacement> HOUSING = (rs, n) -> new HousingPlacement(rs.getLong("id"),
			rs.getObject("from_date", LocalDate.class), rs.getObject("to_date", LocalDate.class),
			rs.getString("provider"));

	private static final RowMapper<Permit> PERMIT = (rs, n) -> new Permit(rs.getLong("id"),
			PermitKind.of(rs.getString("kind")), rs.getObject("applied_on", LocalDate.class),
			rs.getString("decision") == null ? null : PermitDecision.of(rs.getString("decision")),
			rs.getObject("decided_on", LocalDate.class), rs.getObject("valid_until", LocalDate.class));

	private static final RowMapper<PoliceContact> CONTACT = (rs, n) -> new PoliceContact(rs.getLong("id"),
			rs.getObject("contact_date", LocalDate.class), PoliceContactKind.of(rs.getString("kind")),
			rs.getString("note"));

	private final JdbcClient jdbc;

	// ---------------------------------------------------------------- the track, newest
	// first

	List<HousingPlacement> housing(long caseId) {
		return jdbc.sql("SELECT * FROM casework.track_housing WHERE case_id = ? ORDER BY from_date DESC, id DESC")
			.param(caseId)
			.query(HOUSING)
			.list();
	}

	List<Permit> permits(long caseId) {
		return jdbc.sql("SELECT * FROM casework.track_permits WHERE case_id = ? ORDER BY applied_on DESC, id DESC")
			.param(caseId)
			.query(PERMIT)
			.list();
	}

	List<PoliceContact> contacts(long caseId) {
		return jdbc.sql("SELECT * FROM casework.track_contacts WHERE case_id = ? ORDER BY contact_date DESC, id DESC")
			.param(caseId)
			.query(CONTACT)
			.list();
	}

	/**
	 * The case's return programmes, each with the end of its follow-up after the given
	 * period.
	 */
	List<ReturnProgramme> returns(long caseId, Period followUp) {
		return jdbc.sql("SELECT * FROM casework.track_returns WHERE case_id = ? ORDER BY applied_on DESC, id DESC")
			.param(caseId)
			.query(returnProgramme(followUp))
			.list();
	}

	/**
	 * The case's links to a home municipality, each with the municipality's name
	 * ({@code name}: code to name).
	 */
	List<HomeMunicipalityLink> homeLinks(long caseId, Function<String, String> name) {
		return jdbc.sql("SELECT * FROM casework.track_home_links WHERE case_id = ? ORDER BY contacted_on DESC, id DESC")
			.param(caseId)
			.query((rs, n) -> new HomeMunicipalityLink(rs.getLong("id"), rs.getString("municipality"),
					name.apply(rs.getString("municipality")), rs.getObject("contacted_on", LocalDate.class),
					rs.getString("note")))
			.list();
	}

	// ---------------------------------------------------------------- one record of a
	// case

	Optional<HousingPlacement> placement(long caseId, long id) {
		return jdbc.sql("SELECT * FROM casework.track_housing WHERE id = ? AND case_id = ?")
			.params(id, caseId)
			.query(HOUSING)
			.optional();
	}

	Optional<Permit> permit(long caseId, long id) {
		return jdbc.sql("SELECT * FROM casework.track_permits WHERE id = ? AND case_id = ?")
			.params(id, caseId)
			.query(PERMIT)
			.optional();
	}

	Optional<ReturnProgramme> returnProgramme(long caseId, long id, Period followUp) {
		return jdbc.sql("SELECT * FROM casework.track_returns WHERE id = ? AND case_id = ?")
			.params(id, caseId)
			.query(returnProgramme(followUp))
			.optional();
	}

	// ---------------------------------------------------------------- records

	long insertHousing(long caseId, LocalDate from, LocalDate to, String provider, String by) {
		return jdbc.sql("""
				INSERT INTO casework.track_housing (case_id, from_date, to_date, provider, created_by)
				VALUES (?, ?, ?, ?, ?) RETURNING id""")
			.params(caseId, from, to, provider, by)
			.query(Long.class)
			.single();
	}

	void endHousing(long id, LocalDate to) {
		jdbc.sql("UPDATE casework.track_housing SET to_date = ? WHERE id = ?").params(to, id).update();
	}

	/**
	 * An application, with its decision when already known ({@code decision} null: none
	 * yet).
	 */
	long insertPermit(long caseId, PermitKind kind, LocalDate appliedOn, PermitDecision decision, LocalDate decidedOn,
			LocalDate validUntil, String by) {
		return jdbc.sql("""
				INSERT INTO casework.track_permits (case_id, kind, applied_on, decision, decided_on, valid_until,
				       created_by, decided_by)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(caseId, kind.code(), appliedOn, decision == null ? null : decision.code(), decidedOn, validUntil,
					by, decision == null ? null : by)
			.query(Long.class)
			.single();
	}

	void decidePermit(long id, PermitDecision decision, LocalDate decidedOn, LocalDate validUntil, String by) {
		jdbc.sql(
				"UPDATE casework.track_permits SET decision = ?, decided_on = ?, valid_until = ?, decided_by = ? WHERE id = ?")
			.params(decision.code(), decidedOn, validUntil, by, id)
			.update();
	}

	long insertContact(long caseId, LocalDate date, PoliceContactKind kind, String note, String by) {
		return jdbc.sql("""
				INSERT INTO casework.track_contacts (case_id, contact_date, kind, note, created_by)
				VALUES (?, ?, ?, ?, ?) RETURNING id""")
			.params(caseId, date, kind.code(), note, by)
			.query(Long.class)
			.single();
	}

	long insertReturn(long caseId, LocalDate appliedOn, LocalDate returnDate, String by) {
		return jdbc.sql("""
				INSERT INTO casework.track_returns (case_id, applied_on, return_date, created_by)
				VALUES (?, ?, ?, ?) RETURNING id""")
			.params(caseId, appliedOn, returnDate, by)
			.query(Long.class)
			.single();
	}

	void setReturnDate(long id, LocalDate returnDate) {
		jdbc.sql("UPDATE casework.track_returns SET return_date = ? WHERE id = ?").params(returnDate, id).update();
	}

	void followUpDone(long id, LocalDate doneOn, String by) {
		jdbc.sql("UPDATE casework.track_returns SET follow_up_done_on = ?, follow_up_done_by = ? WHERE id = ?")
			.params(doneOn, by, id)
			.update();
	}

	long insertHomeLink(long caseId, String municipality, LocalDate contactedOn, String note, String by) {
		return jdbc.sql("""
				INSERT INTO casework.track_home_links (case_id, municipality, contacted_on, note, created_by)
				VALUES (?, ?, ?, ?, ?) RETURNING id""")
			.params(caseId, municipality, contactedOn, note, by)
			.query(Long.class)
			.single();
	}

	// ---------------------------------------------------------------- reminders

	/**
	 * The granted permits of the units' open cases whose last valid day is from today to
	 * {@code last}, unless a newer application (pending or granted) has been recorded
	 * since.
	 */
	List<Reminder> permitsEnding(String[] units, LocalDate today, LocalDate last) {
		return jdbc.sql("""
				SELECT p.case_id, p.kind, p.valid_until FROM casework.track_permits p
				  JOIN casework.cases c ON c.id = p.case_id
				 WHERE c.unit_code = ANY(:units) AND c.status = 'open' AND p.decision = 'granted'
				   AND p.valid_until >= :today AND p.valid_until <= :last
				   AND NOT EXISTS (SELECT 1 FROM casework.track_permits n
				                    WHERE n.case_id = p.case_id AND n.id <> p.id
				                      AND (n.decision IS NULL OR n.decision = 'granted')
				                      AND (n.applied_on, n.id) > (p.applied_on, p.id))
				 ORDER BY p.valid_until, p.case_id""")
			.param("units", units)
			.param("today", today)
			.param("last", last)
			.query((rs, n) -> {
				long caseId = rs.getLong("case_id");
				LocalDate until = rs.getObject("valid_until", LocalDate.class);
				return new Reminder("track.reminder.permit." + rs.getString("kind"),
						new Object[] { String.valueOf(caseId), until.toString() }, link(caseId), until);
			})
			.list();
	}

	/**
	 * The returns of the units' cases (open or closed) whose follow-up has ended by today
	 * and is not marked done. The follow-up period is a {@link Period} (months clamp at
	 * month end), so its end is computed here, not in SQL.
	 */
	List<Reminder> followUpsDue(String[] units, LocalDate today, Period followUp) {
		return jdbc.sql("""
				SELECT r.case_id, r.return_date FROM casework.track_returns r
				  JOIN casework.cases c ON c.id = r.case_id
				 WHERE c.unit_code = ANY(:units) AND r.follow_up_done_on IS NULL AND r.return_date <= :today
				 ORDER BY r.return_date, r.case_id""").param("units", units).param("today", today).query((rs, n) -> {
			long caseId = rs.getLong("case_id");
			LocalDate ends = ReturnProgramme.followUpEnds(rs.getObject("return_date", LocalDate.class), followUp);
			return new Reminder("track.reminder.returnFollowUp",
					new Object[] { String.valueOf(caseId), ends.toString() }, link(caseId), ends);
		}).list().stream().filter(r -> !r.due().isAfter(today)).toList();
	}

	private static RowMapper<ReturnProgramme> returnProgramme(Period followUp) {
		return (rs, n) -> {
			LocalDate returnDate = rs.getObject("return_date", LocalDate.class);
			return new ReturnProgramme(rs.getLong("id"), rs.getObject("applied_on", LocalDate.class), returnDate,
					ReturnProgramme.followUpEnds(returnDate, followUp),
					rs.getObject("follow_up_done_on", LocalDate.class));
		};
	}

	private static String link(long caseId) {
		return "/cases/" + caseId + "#track";
	}

}
