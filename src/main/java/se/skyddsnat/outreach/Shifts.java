package se.skyddsnat.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.skyddsnat.shared.Keyset;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;

/** The shifts and encounters in schema {@code outreach}. */
@Repository
@RequiredArgsConstructor
class Shifts {

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	/**
	 * Stores imported shifts (each with its ref) with their units and encounters,
	 * streamed by {@code COPY} in the caller's transaction: three round trips for the
	 * batch, not a statement per row. Returns the ids by ref.
	 */
	Map<String, Long> insertAll(List<NewShift> batch, String recordedBy, boolean synthetic) {
		try (var copy = CopyRows.into(dataSource, "outreach.shifts (ref, shift_date, start_time, end_time, kind, "
				+ "police_operation, arena, municipality, notes, synthetic, recorded_by)")) {
			for (NewShift s : batch) {
				copy.field(s.ref())
					.field(s.date())
					.field(s.startTime())
					.field(s.endTime())
					.field(s.kind().code())
					.field(s.policeOperation() == null ? null : s.policeOperation().code())
					.field(s.arena().code())
					.field(s.municipality().value())
					.field(s.notes())
					.field(synthetic)
					.field(recordedBy)
					.endRow();
			}
		}
		var ids = new HashMap<String, Long>();
		jdbc.sql("SELECT ref, id FROM outreach.shifts WHERE ref = ANY (?)")
			.param(batch.stream().map(NewShift::ref).toArray(String[]::new))
			.query(rs -> {
				ids.put(rs.getString("ref"), rs.getLong("id"));
			});
		try (var copy = CopyRows.into(dataSource, "outreach.shift_units (shift_id, unit_code, position)")) {
			for (NewShift s : batch) {
				for (int i = 0; i < s.units().size(); i++) {
					copy.field(ids.get(s.ref())).field(s.units().get(i).value()).field(i).endRow();
				}
			}
		}
		try (var copy = CopyRows.into(dataSource, "outreach.encounters (shift_id, position, role, gender, age, minor, "
				+ "home, support_offered, offered_by, accepted)")) {
			for (NewShift s : batch) {
				long shiftId = ids.get(s.ref());
				for (int i = 0; i < s.encounters().size(); i++) {
					NewEncounter e = s.encounters().get(i);
					copy.field(shiftId)
						.field(i + 1)
						.field(e.role().code())
						.field(e.gender().code())
						.field(e.age())
						.field(e.minor().code())
						.field(e.home().code())
						.field(e.supportOffered())
						.field(e.offeredBy() == null ? null : e.offeredBy().value())
						.field(e.accepted().code())
						.endRow();
				}
			}
		}
		return ids;
	}

	/**
	 * The ids of the children's encounters on these shifts, by shift id and then
	 * position.
	 */
	Map<Long, Map<Integer, Long>> minorEncounters(Collection<Long> shiftIds) {
		var ids = new HashMap<Long, Map<Integer, Long>>();
		jdbc.sql("SELECT shift_id, position, id FROM outreach.encounters WHERE shift_id = ANY (?) AND is_minor")
			.param(shiftIds.toArray(Long[]::new))
			.query(rs -> {
				ids.computeIfAbsent(rs.getLong("shift_id"), s -> new HashMap<>())
					.put(rs.getInt("position"), rs.getLong("id"));
			});
		return ids;
	}

	long insert(NewShift shift, String recordedBy, boolean synthetic) {
		long id = jdbc.sql("""
				INSERT INTO outreach.shifts (ref, shift_date, start_time, end_time, kind, police_operation, arena,
				                             municipality, notes, synthetic, recorded_by)
				VALUES (:ref, :date, :start, :end, :kind, :op, :arena, :m, :notes, :synthetic, :by) RETURNING id""")
			.param("ref", shift.ref())
			.param("date", shift.date())
			.param("start", shift.startTime())
			.param("end", shift.endTime())
			.param("kind", shift.kind().code())
			.param("op", shift.policeOperation() == null ? null : shift.policeOperation().code())
			.param("arena", shift.arena().code())
			.param("m", shift.municipality().value())
			.param("notes", shift.notes())
			.param("synthetic", synthetic)
			.param("by", recordedBy)
			.query(Long.class)
			.single();
		for (int i = 0; i < shift.units().size(); i++) {
			jdbc.sql("INSERT INTO outreach.shift_units (shift_id, unit_code, position) VALUES (?, ?, ?)")
				.params(id, shift.units().get(i).value(), i)
				.update();
		}
		return id;
	}

	long insertEncounter(long shiftId, int position, NewEncounter e) {
		return jdbc.sql("""
				INSERT INTO outreach.encounters (shift_id, position, role, gender, age, minor, home, support_offered,
				                                 offered_by, accepted)
				VALUES (:shift, :pos, :role, :gender, :age, :minor, :home, :offered, :by, :accepted) RETURNING id""")
			.param("shift", shiftId)
			.param("pos", position)
			.param("role", e.role().code())
			.param("gender", e.gender().code())
			.param("age", e.age())
			.param("minor", e.minor().code())
			.param("home", e.home().code())
			.param("offered", e.supportOffered())
			.param("by", e.offeredBy() == null ? null : e.offeredBy().value())
			.param("accepted", e.accepted().code())
			.query(Long.class)
			.single();
	}

	/** Which of these import references are already stored. */
	Set<String> existingRefs(Collection<String> refs) {
		if (refs.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(jdbc.sql("SELECT ref FROM outreach.shifts WHERE ref = ANY (?)")
			.param(refs.toArray(String[]::new))
			.query(String.class)
			.list());
	}

	/** The shift an encounter was recorded on. */
	Optional<Long> shiftOf(long encounterId) {
		return jdbc.sql("SELECT shift_id FROM outreach.encounters WHERE id = ?")
			.param(encounterId)
			.query(Long.class)
			.optional();
	}

	/**
	 * The encounters with their shifts' facts, of shifts in which any of the units took
	 * part: one query.
	 */
	Map<Long, ShiftView.Met> met(Collection<Long> encounterIds, Collection<UnitCode> units) {
		if (encounterIds.isEmpty() || units.isEmpty()) {
			return Map.of();
		}
		var met = new LinkedHashMap<Long, ShiftView.Met>();
		jdbc.sql("""
				SELECT e.*, s.shift_date, s.kind AS shift_kind, s.police_operation, s.arena, s.municipality
				  FROM outreach.encounters e JOIN outreach.shifts s ON s.id = e.shift_id
				 WHERE e.id = ANY (:ids)
				   AND s.id IN (SELECT shift_id FROM outreach.shift_units WHERE unit_code = ANY (:units))""")
			.param("ids", encounterIds.toArray(Long[]::new))
			.param("units", units.stream().map(UnitCode::value).toArray(String[]::new))
			.query((rs, n) -> new ShiftView.Met(rs.getLong("shift_id"), rs.getObject("shift_date", LocalDate.class),
					parse(ShiftKind.class, rs.getString("shift_kind")),
					parse(PoliceOperation.class, rs.getString("police_operation")),
					parse(Arena.class, rs.getString("arena")), MunicipalityCode.of(rs.getString("municipality")),
					encounter(rs)))
			.list()
			.forEach(m -> met.put(m.encounter().id(), m));
		return met;
	}

	Optional<ShiftView> find(long id) {
		var encounters = jdbc.sql("SELECT * FROM outreach.encounters WHERE shift_id = ? ORDER BY position")
			.param(id)
			.query((rs, n) -> encounter(rs))
			.list();
		return jdbc.sql(SHIFT_SELECT + " WHERE s.id = ?")
			.param(id)
			.query((rs, n) -> new ShiftView(rs.getLong("id"), rs.getString("ref"),
					rs.getObject("shift_date", LocalDate.class), rs.getObject("start_time", LocalTime.class),
					rs.getObject("end_time", LocalTime.class), parse(ShiftKind.class, rs.getString("kind")),
					parse(PoliceOperation.class, rs.getString("police_operation")),
					parse(Arena.class, rs.getString("arena")), MunicipalityCode.of(rs.getString("municipality")),
					units(rs), rs.getString("notes"), rs.getBoolean("synthetic"), rs.getString("recorded_by"),
					rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), encounters, instant(rs, "voided_at"),
					rs.getString("void_reason")))
			.optional();
	}

	/**
	 * Voids the shift (and so all its encounters) unless it is voided already; false
	 * then.
	 */
	boolean voidShift(long id, String by, String reason) {
		return jdbc
			.sql("UPDATE outreach.shifts SET voided_at = now(), voided_by = ?, void_reason = ? "
					+ "WHERE id = ? AND voided_at IS NULL")
			.params(by, reason, id)
			.update() > 0;
	}

	/** Voids one encounter unless it is voided already; false then. */
	boolean voidEncounter(long id, String by, String reason) {
		return jdbc
			.sql("UPDATE outreach.encounters SET voided_at = now(), voided_by = ?, void_reason = ? "
					+ "WHERE id = ? AND voided_at IS NULL")
			.params(by, reason, id)
			.update() > 0;
	}

	private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
		var t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	/**
	 * A page of the shifts in which any of the units took part, newest first (by day,
	 * then id).
	 */
	Keyset.Page<ShiftView.Summary> recent(Collection<UnitCode> units, Keyset.Request page) {
		return page.page(page
			.bind(jdbc
				.sql("""
						SELECT s.id, s.shift_date, s.kind, s.police_operation, s.arena, s.municipality,
						       ARRAY(SELECT su.unit_code FROM outreach.shift_units su WHERE su.shift_id = s.id ORDER BY su.position) AS units,
						       (SELECT count(*) FROM outreach.encounters e WHERE e.shift_id = s.id AND e.voided_at IS NULL) AS encounters,
						       (SELECT count(*) FROM outreach.encounters e WHERE e.shift_id = s.id AND e.is_minor
						           AND e.voided_at IS NULL) AS minors, s.voided_at IS NOT NULL AS voided
						  FROM outreach.shifts s
						 WHERE s.id IN (SELECT shift_id FROM outreach.shift_units WHERE unit_code = ANY (:units))"""
						+ page.sql("s.shift_date", "s.id")))
			.param("units", units.stream().map(UnitCode::value).toArray(String[]::new))
			.query((rs, n) -> new ShiftView.Summary(rs.getLong("id"), rs.getObject("shift_date", LocalDate.class),
					parse(ShiftKind.class, rs.getString("kind")),
					parse(PoliceOperation.class, rs.getString("police_operation")),
					parse(Arena.class, rs.getString("arena")), MunicipalityCode.of(rs.getString("municipality")),
					units(rs), rs.getInt("encounters"), rs.getInt("minors"), rs.getBoolean("voided")))
			.list(), s -> new Keyset.Key(s.date(), s.id()));
	}

	long count() {
		return jdbc.sql("SELECT count(*) FROM outreach.shifts").query(Long.class).single();
	}

	private static final String SHIFT_SELECT = """
			SELECT s.*, ARRAY(SELECT su.unit_code FROM outreach.shift_units su WHERE su.shift_id = s.id
			                  ORDER BY su.position) AS units
			  FROM outreach.shifts s""";

	private static ShiftView.Encounter encounter(ResultSet rs) throws SQLException {
		return new ShiftView.Encounter(rs.getLong("id"), rs.getInt("position"),
				parse(EncounterRole.class, rs.getString("role")), parse(Gender.class, rs.getString("gender")),
				rs.getObject("age", Integer.class), parse(Answer.class, rs.getString("minor")),
				Home.parse(rs.getString("home")), rs.getBoolean("support_offered"),
				rs.getString("offered_by") == null ? null : UnitCode.of(rs.getString("offered_by")),
				parse(Answer.class, rs.getString("accepted")), rs.getBoolean("is_minor"), instant(rs, "voided_at"),
				rs.getString("void_reason"));
	}

	private static List<UnitCode> units(ResultSet rs) throws SQLException {
		return Arrays.stream((String[]) rs.getArray("units").getArray()).map(UnitCode::of).toList();
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String code) {
		return code == null ? null : Codes.parse(type, code).orElseThrow();
	}

}
