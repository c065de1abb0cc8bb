package se.skyddsnat.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import se.skyddsnat.support.IntegrationTest;

/**
 * The statistics' daily rollups stay equal to counts taken straight from the shifts and
 * encounters whatever changes them: a shift recorded through the API, an import, a
 * correction of an encounter (its role, its home), a shift moved to another day or kind,
 * an encounter and a shift deleted, and after a rebuild. The API's figures for the period
 * are those independent counts.
 */
class StatisticsRollupTest extends IntegrationTest {

	private static final String FROM = "2011-04-15";

	private static final String TO = "2011-06-10";

	@Test
	void shouldKeepTheRollupsEqualToTheRowsThroughEveryChange() {
		String manager = createUser("rollup", List.of("MANAGER"), List.of("MIKA"));
		String token = token(manager, USER_PASSWORD);
		String analyst = token(createUser("rollupanalyst", List.of("ANALYST"), List.of()), USER_PASSWORD);
		for (int i = 0; i < 3; i++) {
			var created = http().json("POST", "/api/v1/outreach/shifts",
					"""
							{"date":"2011-05-1%d","kind":"joint","police_operation":"raid","arena":"apartment","municipality":"0180",
							 "units":["MIKA"],"encounters":[
							  {"role":"exposed","gender":"female","age":16,"minor":"yes","home_municipality":"0180",
							   "support_offered":true,"offered_by":"MIKA","accepted":"yes"},
							  {"role":"buyer","gender":"male","age":40,"minor":"no","home_municipality":"0114",
							   "support_offered":false,"accepted":"unknown"}]}"""
						.formatted(i),
					token);
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		}
		var imported = http().multipart("/api/v1/outreach/import",
				Map.of("shifts",
						("ref;date;start_time;end_time;kind;police_operation;arena;municipality;units;notes\n"
								+ "rollup-1;2011-05-20;;;own;;street;0180;MIKA;\n")
							.getBytes(),
						"encounters",
						("shift_ref;role;gender;age;minor;home_municipality;support_offered;offered_by;accepted\n"
								+ "rollup-1;other;female;;unknown;abroad;no;;unknown\n"
								+ "rollup-1;exposed;female;30;no;unknown;yes;MIKA;no\n")
							.getBytes()),
				token);
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		assertEqualToTheRows();

		// a correction of an encounter, a shift moved to another day and kind, deletions
		long shift = jdbc
			.sql("SELECT min(id) FROM outreach.shifts WHERE shift_date BETWEEN '2011-05-10' AND '2011-05-12'")
			.query(Long.class)
			.single();
		jdbc.sql("UPDATE outreach.encounters SET role = 'other', home = 'abroad' WHERE shift_id = ? AND position = 2")
			.param(shift)
			.update();
		assertEqualToTheRows();
		jdbc.sql(
				"UPDATE outreach.shifts SET shift_date = '2011-05-25', kind = 'own', police_operation = NULL WHERE id = ?")
			.param(shift)
			.update();
		assertEqualToTheRows();
		jdbc.sql("DELETE FROM casework.tasks WHERE shift_id = ?").param(shift).update();
		jdbc.sql("DELETE FROM outreach.encounters WHERE shift_id = ? AND position = 1").param(shift).update();
		assertEqualToTheRows();
		jdbc.sql("DELETE FROM region.notices WHERE shift_id = ?").param(shift).update();
		jdbc.sql("DELETE FROM outreach.shifts WHERE id = ?").param(shift).update();
		assertEqualToTheRows();
		// voided (makulerad): an encounter, then a whole shift, leave the rollups
		long other = jdbc.sql("SELECT min(id) FROM outreach.shifts WHERE voided_at IS NULL AND shift_date BETWEEN "
				+ "'2011-05-01' AND '2011-05-31' AND EXISTS (SELECT 1 FROM outreach.encounters e WHERE e.shift_id = "
				+ "outreach.shifts.id)")
			.query(Long.class)
			.single();
		jdbc.sql("UPDATE outreach.encounters SET voided_at = now(), voided_by = 'rollup', void_reason = 'Dubblett' "
				+ "WHERE shift_id = ? AND position = 1")
			.param(other)
			.update();
		assertEqualToTheRows();
		jdbc.sql(
				"UPDATE outreach.shifts SET voided_at = now(), voided_by = 'rollup', void_reason = 'Misstag' WHERE id = ?")
			.param(other)
			.update();
		assertEqualToTheRows();
		ownerJdbc().sql("SELECT outreach.rebuild_rollup()").query().singleRow();
		assertEqualToTheRows();

		// the API answers those counts, for a period of whole months and one of days (the
		// monthly and the daily rollup)
		apiAnswersTheRows(analyst, FROM, TO);
		apiAnswersTheRows(analyst, "2011-05-11", "2011-05-31");
	}

	private void apiAnswersTheRows(String analyst, String from, String to) {
		var counts = jdbc.sql("""
				SELECT count(DISTINCT s.id) AS shifts, count(e.id) AS encounters,
				       count(e.id) FILTER (WHERE e.role = 'exposed' AND e.is_minor) AS exposed_minors,
				       count(e.id) FILTER (WHERE e.role = 'buyer' AND e.home = '0114') AS buyers_0114
				  FROM outreach.shifts s LEFT JOIN outreach.encounters e ON e.shift_id = s.id AND e.voided_at IS NULL
				 WHERE s.voided_at IS NULL AND s.shift_date BETWEEN CAST(? AS date) AND CAST(? AS date)""")
			.params(from, to)
			.query()
			.singleRow();
		String body = http().json("GET", "/api/v1/outreach/statistics?from=" + from + "&to=" + to, null, analyst)
			.body();
		assertThat(body).contains("\"shifts\":" + counts.get("shifts") + ",")
			.contains("\"encounters\":" + counts.get("encounters") + ",")
			.contains("\"exposedMinors\":" + counts.get("exposed_minors") + ",");
		assertThat(body).containsPattern(
				"\"code\":\"0114\",\"name\":\"[^\"]*\",\"exposed\":\\d+,\"buyers\":" + counts.get("buyers_0114") + ",");
	}

	/** Every rollup row equals the aggregate of the rows themselves, over all days. */
	private void assertEqualToTheRows() {
		var fromRows = jdbc.sql("""
				SELECT s.shift_date AS day, s.kind, coalesce(s.police_operation, '') AS op, s.arena,
				       count(DISTINCT s.id) AS shifts, count(e.id) AS encounters,
				       count(e.id) FILTER (WHERE e.role = 'exposed') AS exposed,
				       count(e.id) FILTER (WHERE e.role = 'exposed' AND e.is_minor) AS exposed_minors,
				       count(e.id) FILTER (WHERE e.role = 'buyer') AS buyers,
				       count(e.id) FILTER (WHERE e.role = 'other') AS other,
				       count(e.id) FILTER (WHERE e.support_offered) AS offered,
				       count(e.id) FILTER (WHERE e.accepted = 'yes') AS accepted
				  FROM outreach.shifts s LEFT JOIN outreach.encounters e ON e.shift_id = s.id AND e.voided_at IS NULL
				 WHERE s.voided_at IS NULL
				 GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4""").query().listOfRows();
		var rollup = jdbc
			.sql("""
					SELECT day, kind, police_operation AS op, arena, shifts::bigint AS shifts, encounters::bigint AS encounters,
					       exposed::bigint AS exposed, exposed_minors::bigint AS exposed_minors, buyers::bigint AS buyers,
					       other::bigint AS other, offered::bigint AS offered, accepted::bigint AS accepted
					  FROM outreach.daily_counts WHERE shifts <> 0 OR encounters <> 0 ORDER BY 1, 2, 3, 4""")
			.query()
			.listOfRows();
		assertThat(rollup).isEqualTo(fromRows);
		var homesFromRows = jdbc
			.sql("""
					SELECT s.shift_date AS day, s.kind, e.home, count(*) FILTER (WHERE e.role = 'exposed') AS exposed,
					       count(*) FILTER (WHERE e.role = 'buyer') AS buyers, count(*) FILTER (WHERE e.role = 'other') AS other
					  FROM outreach.shifts s JOIN outreach.encounters e ON e.shift_id = s.id
					 WHERE s.voided_at IS NULL AND e.voided_at IS NULL
					 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""")
			.query()
			.listOfRows();
		var homes = jdbc.sql("""
				SELECT day, kind, home, exposed::bigint AS exposed, buyers::bigint AS buyers, other::bigint AS other
				  FROM outreach.daily_homes WHERE exposed <> 0 OR buyers <> 0 OR other <> 0 ORDER BY 1, 2, 3""")
			.query()
			.listOfRows();
		assertThat(homes).isEqualTo(homesFromRows);
		var monthsFromRows = jdbc
			.sql("""
					SELECT date_trunc('month', s.shift_date)::date AS month, s.kind, e.home,
					       count(*) FILTER (WHERE e.role = 'exposed') AS exposed,
					       count(*) FILTER (WHERE e.role = 'buyer') AS buyers, count(*) FILTER (WHERE e.role = 'other') AS other
					  FROM outreach.shifts s JOIN outreach.encounters e ON e.shift_id = s.id
					 WHERE s.voided_at IS NULL AND e.voided_at IS NULL
					 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""")
			.query()
			.listOfRows();
		var months = jdbc.sql("""
				SELECT month, kind, home, exposed::bigint AS exposed, buyers::bigint AS buyers, other::bigint AS other
				  FROM outreach.monthly_homes WHERE exposed <> 0 OR buyers <> 0 OR other <> 0 ORDER BY 1, 2, 3""")
			.query()
			.listOfRows();
		assertThat(months).isEqualTo(monthsFromRows);
	}

}
