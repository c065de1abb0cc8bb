package se.skyddsnat.region.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import se.skyddsnat.shared.MunicipalityCode;

/** The meetings in {@code region.meetings}, with the municipalities that took part. */
@Repository
@RequiredArgsConstructor
class MeetingStore {

	private final JdbcClient jdbc;

	/**
	 * The year of the first meeting recorded (never before 1900), or {@code otherwise}
	 * when there is none.
	 */
	int firstYear(int otherwise) {
		// bounded below: a date stored before dates were checked (year 0, -infinity) must
		// not list thousands of years.
		// greatest() skips a NULL, so with no meeting at all it answered 1900: the page
		// listed every year since then.
		return jdbc.sql("""
				SELECT CASE WHEN min(held_on) IS NULL THEN ?
				            ELSE greatest(extract(year FROM min(held_on)), 1900)::int END
				  FROM region.meetings""").param(otherwise).query(Integer.class).single();
	}

	/** Whether a meeting of the kind was held on the day. */
	boolean held(LocalDate date, MeetingKind kind) {
		return jdbc.sql("SELECT count(*) FROM region.meetings WHERE held_on = ? AND kind = ?")
			.params(date, kind.code())
			.query(Long.class)
			.single() > 0;
	}

	long insert(LocalDate date, MeetingKind kind, String decisions, Collection<MunicipalityCode> municipalities,
			String recordedBy) {
		long id = jdbc.sql("""
				INSERT INTO region.meetings (held_on, kind, decisions, recorded_by) VALUES (?, ?, ?, ?) RETURNING id""")
			.params(date, kind.code(), decisions, recordedBy)
			.query(Long.class)
			.single();
		for (MunicipalityCode code : municipalities) {
			jdbc.sql("INSERT INTO region.meeting_municipalities (meeting_id, municipality) VALUES (?, ?)")
				.params(id, code.value())
				.update();
		}
		return id;
	}

	/**
	 * The meetings held from {@code from} to {@code to}, newest first, each with its
	 * municipalities by name.
	 */
	List<Meeting> between(LocalDate from, LocalDate to) {
		Map<Long, List<Meeting.Participant>> participants = new HashMap<>();
		jdbc.sql("""
				SELECT mm.meeting_id, m.code, m.name
				  FROM region.meetings mt
				  JOIN region.meeting_municipalities mm ON mm.meeting_id = mt.id
				  JOIN region.municipalities m ON m.code = mm.municipality
				 WHERE mt.held_on BETWEEN :from AND :to
				 ORDER BY m.name""").param("from", from).param("to", to).query(rs -> {
			participants.computeIfAbsent(rs.getLong("meeting_id"), id -> new ArrayList<>())
				.add(new Meeting.Participant(MunicipalityCode.of(rs.getString("code")), rs.getString("name")));
		});
		return jdbc.sql("""
				SELECT id, held_on, kind, decisions FROM region.meetings
				 WHERE held_on BETWEEN :from AND :to ORDER BY held_on DESC, kind""")
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new Meeting(rs.getLong("id"), rs.getObject("held_on", LocalDate.class),
					MeetingKind.parse(rs.getString("kind")).orElseThrow(),
					participants.getOrDefault(rs.getLong("id"), List.of()), rs.getString("decisions")))
			.list();
	}

}
