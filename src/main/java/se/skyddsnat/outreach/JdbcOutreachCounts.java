package se.skyddsnat.outreach;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;

/**
 * {@link OutreachCounts} in one aggregate query each over the date index; no rows are
 * loaded into Java.
 */
@Repository
@RequiredArgsConstructor
class JdbcOutreachCounts implements OutreachCounts {

	private static final String FIRST_UNIT = """
			(SELECT u.unit_code FROM outreach.shift_units u WHERE u.shift_id = s.id ORDER BY u.position LIMIT 1)""";

	private final JdbcClient jdbc;

	@Override
	@Transactional(readOnly = true)
	public Map<String, Long> shifts(LocalDate from, LocalDate to, ShiftKind kind, By by) {
		CurrentUser.require(Permission.READ_STATISTICS);
		String key = switch (by) {
			case NONE -> "'total'";
			case UNIT -> "coalesce(" + FIRST_UNIT + ", 'unknown')";
			default -> throw new IllegalArgumentException("Shifts are counted in total or by unit");
		};
		return grouped(
				"SELECT " + key + " AS k, count(*) AS n FROM outreach.shifts s"
						+ " WHERE s.shift_date BETWEEN :from AND :to"
						+ " AND (CAST(:kind AS varchar) IS NULL OR s.kind = CAST(:kind AS varchar)) GROUP BY 1",
				from, to, kind == null ? null : kind.code());
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, Long> encounters(LocalDate from, LocalDate to, Filter filter, By by) {
		CurrentUser.require(Permission.READ_STATISTICS);
		String key = switch (by) {
			case NONE -> "'total'";
			case GENDER -> "e.gender";
			case AGE_GROUP -> """
					CASE WHEN e.age IS NULL THEN (CASE WHEN e.is_minor THEN '0-17' ELSE 'unknown' END)
					     WHEN e.age < 18 THEN '0-17' WHEN e.age <= 25 THEN '18-25'
					     WHEN e.age <= 49 THEN '26-49' ELSE '50-' END""";
			case HOME -> "e.home";
			case UNIT -> "coalesce(" + FIRST_UNIT + ", 'unknown')";
			case ROLE -> "e.role";
			case MINOR -> "CASE WHEN e.is_minor THEN 'yes' ELSE 'no' END";
		};
		var sql = new StringBuilder("SELECT ").append(key)
			.append(" AS k, count(*) AS n")
			.append(" FROM outreach.encounters e JOIN outreach.shifts s ON s.id = e.shift_id")
			.append(" WHERE s.shift_date BETWEEN :from AND :to")
			.append(" AND (CAST(:kind AS varchar) IS NULL OR s.kind = CAST(:kind AS varchar))");
		if (filter.arena() != null) {
			sql.append(" AND s.arena = '").append(filter.arena().code()).append('\'');
		}
		if (filter.role() != null) {
			sql.append(" AND e.role = '").append(filter.role().code()).append('\'');
		}
		if (filter.minor() != null) {
			sql.append(filter.minor() ? " AND e.is_minor" : " AND NOT e.is_minor");
		}
		if (filter.offered() != null) {
			sql.append(filter.offered() ? " AND e.support_offered" : " AND NOT e.support_offered");
		}
		sql.append(" GROUP BY 1");
		return grouped(sql.toString(), from, to, filter.kind() == null ? null : filter.kind().code());
	}

	private Map<String, Long> grouped(String sql, LocalDate from, LocalDate to, String kind) {
		var counts = new TreeMap<String, Long>();
		jdbc.sql(sql).param("from", from).param("to", to).param("kind", kind).query(rs -> {
			counts.put(rs.getString("k"), rs.getLong("n"));
		});
		return counts;
	}

}
