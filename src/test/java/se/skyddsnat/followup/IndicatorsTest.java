package se.skyddsnat.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import se.skyddsnat.followup.FollowupRecords.Met;
import se.skyddsnat.followup.FollowupRecords.Shift;
import se.skyddsnat.followup.indicator.Breakdown;
import se.skyddsnat.followup.indicator.IndicatorValue;
import se.skyddsnat.followup.indicator.Indicators;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.support.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every computed indicator against a count done here, independently, from the generated
 * records (2002 and 2003, used by no other test): several periods and breakdowns, through
 * the API and the service; a share whose denominator is 0 is "–"; suppression through the
 * API hides small counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorsTest extends IntegrationTest {

	private static final LocalDate Y02 = LocalDate.of(2002, 1, 1);

	private static final LocalDate E02 = LocalDate.of(2002, 12, 31);

	private static final LocalDate Y03 = LocalDate.of(2003, 1, 1);

	private static final LocalDate E03 = LocalDate.of(2003, 12, 31);

	@Autowired
	Indicators indicators;

	private FollowupRecords records;

	private String analystToken;

	@BeforeAll
	void importRecords() {
		records = FollowupRecords.generate("ind02", 2002, 120, 96);
		records.shifts.addAll(FollowupRecords.generate("ind03", 2003, 80, 97).shifts);
		String coordinator = createUser("ind-coord", List.of("COORDINATOR"), List.of());
		var imported = http().multipart("/api/v1/outreach/import",
				Map.of("shifts", records.shiftsCsv(), "encounters", records.encountersCsv()),
				token(coordinator, USER_PASSWORD));
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		// region: consultations and meetings of 2002
		var owner = ownerJdbc();
		for (int i = 0; i < 9; i++) {
			owner
				.sql("""
						INSERT INTO region.consultations (consulted_on, municipality, unit, channel, topic, minutes, recorded_by)
						VALUES (?, ?, 'MIKA', 'phone', 'other', 20, 'test')""")
				.params(LocalDate.of(2002, 3 + i, 10), i < 3 ? "0126" : "0182")
				.update();
		}
		for (String date : List.of("2002-02-01", "2002-06-01", "2002-10-01")) {
			owner.sql(
					"INSERT INTO region.meetings (held_on, kind, decisions, recorded_by) VALUES (?, 'steering', NULL, 'test')")
				.param(LocalDate.parse(date))
				.update();
		}
		owner.sql(
				"INSERT INTO region.meetings (held_on, kind, decisions, recorded_by) VALUES (?, 'preparation', NULL, 'test')")
			.param(LocalDate.parse("2002-05-01"))
			.update();
		analystToken = token(createUser("ind-analyst", List.of("ANALYST"), List.of()), USER_PASSWORD);
	}

	@AfterEach
	void logOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void shouldEqualCountsMadeFromTheRecordsForSeveralPeriods() {
		for (LocalDate[] p : List.of(new LocalDate[] { Y02, E02 }, new LocalDate[] { Y02, LocalDate.of(2002, 6, 30) },
				new LocalDate[] { Y03, E03 }, new LocalDate[] { Y02, E03 })) {
			LocalDate from = p[0];
			LocalDate to = p[1];
			Map<String, Map<String, Object>> api = api(from, to, null, false);
			String at = from + ".." + to;
			long joint = records.shifts(from, to, true);
			assertThat(number(api, "joint_shifts")).as(at).isEqualTo(joint);
			long days = ChronoUnit.DAYS.between(from, to) + 1;
			assertThat(new BigDecimal(api.get("joint_shifts_per_week").get("value").toString())).as(at)
				.isEqualByComparingTo(
						BigDecimal.valueOf(joint * 7).divide(BigDecimal.valueOf(days), 1, RoundingMode.HALF_UP));
			assertThat(api.get("joint_shifts_per_week").get("target").toString()).isEqualTo("4");
			assertThat(number(api, "joint_exposed")).as(at)
				.isEqualTo(count(from, to, (s, m) -> s.joint() && m.role().equals("exposed")));
			assertThat(number(api, "joint_exposed_minors")).as(at)
				.isEqualTo(count(from, to, (s, m) -> s.joint() && m.role().equals("exposed") && m.minor()));
			assertThat(number(api, "joint_buyers")).as(at)
				.isEqualTo(count(from, to, (s, m) -> s.joint() && m.role().equals("buyer")));
			assertThat(number(api, "joint_buyer_minors")).as(at)
				.isEqualTo(count(from, to, (s, m) -> s.joint() && m.role().equals("buyer") && m.minor()));
			long met = count(from, to, (s, m) -> true);
			long offered = count(from, to, (s, m) -> m.offered());
			assertThat(number(api, "met")).as(at).isEqualTo(met);
			assertThat(number(api, "met_minors")).as(at).isEqualTo(count(from, to, (s, m) -> m.minor()));
			assertThat(new BigDecimal(api.get("offered_support").get("value").toString())).as(at)
				.isEqualByComparingTo(
						BigDecimal.valueOf(offered * 100).divide(BigDecimal.valueOf(met), 1, RoundingMode.HALF_UP));
			assertThat(((Number) api.get("offered_support").get("numerator")).longValue()).isEqualTo(offered);
			assertThat(((Number) api.get("offered_support").get("denominator")).longValue()).isEqualTo(met);
			assertThat(number(api, "online_met")).as(at)
				.isEqualTo(count(from, to, (s, m) -> s.arena().equals("online")));
			assertThat(number(api, "online_minors")).as(at)
				.isEqualTo(count(from, to, (s, m) -> s.arena().equals("online") && m.minor()));
		}
	}

	@Test
	void shouldBreakDownAsCountedFromTheRecords() {
		// by gender, all outreach and joint exposed, 2002
		Map<String, Map<String, Object>> byGender = api(Y02, E02, "gender", false);
		assertThat(parts(byGender, "met")).isEqualTo(group(Y02, E02, (s, m) -> true, Met::gender));
		assertThat(parts(byGender, "joint_exposed"))
			.isEqualTo(group(Y02, E02, (s, m) -> s.joint() && m.role().equals("exposed"), Met::gender));
		assertThat(byGender.get("joint_shifts").get("breakdown")).as("unit only").isNull();
		// by home area: the city (Stockholm), the rest of the county, outside (Gotland,
		// abroad), unknown; 2003
		Map<String, Map<String, Object>> byHome = api(Y03, E03, "home_area", false);
		Function<Met, String> area = m -> switch (m.home()) {
			case "0180" -> "city";
			case "0126", "0182" -> "county";
			case "unknown" -> "unknown";
			default -> "outside";
		};
		assertThat(parts(byHome, "online_met")).isEqualTo(group(Y03, E03, (s, m) -> s.arena().equals("online"), area));
		assertThat(parts(byHome, "met")).isEqualTo(group(Y03, E03, (s, m) -> true, area));
		// by age group and by role, both years
		Map<String, Map<String, Object>> byAge = api(Y02, E03, "age_group", false);
		Function<Met, String> age = m -> m.age() == null ? (m.minor() ? "0-17" : "unknown")
				: m.age() < 18 ? "0-17" : m.age() <= 25 ? "18-25" : m.age() <= 49 ? "26-49" : "50-";
		assertThat(parts(byAge, "met")).isEqualTo(group(Y02, E03, (s, m) -> true, age));
		Map<String, Map<String, Object>> byRole = api(Y02, E03, "role", false);
		assertThat(parts(byRole, "met")).isEqualTo(group(Y02, E03, (s, m) -> true, Met::role));
		// by unit: the shift's unit
		Map<String, Map<String, Object>> byUnit = api(Y02, E02, "unit", false);
		var perUnit = new TreeMap<String, Long>();
		records.shifts.stream()
			.filter(s -> s.joint() && s.date().getYear() == 2002)
			.forEach(s -> perUnit.merge(s.unit(), 1L, Long::sum));
		assertThat(parts(byUnit, "joint_shifts")).isEqualTo(perUnit);
		// consultations per municipality, meetings
		Map<String, Map<String, Object>> byMunicipality = api(Y02, E02, "home_municipality", false);
		assertThat(number(byMunicipality, "consultations")).isEqualTo(9);
		assertThat(parts(byMunicipality, "consultations")).isEqualTo(Map.of("0126", 3L, "0182", 6L));
		assertThat(number(byMunicipality, "steering_meetings")).isEqualTo(3);
		assertThat(byMunicipality.get("steering_meetings").get("target").toString()).isEqualTo("3");
		assertThat(number(byMunicipality, "preparation_meetings")).isEqualTo(1);
		// notices to non-joined municipalities: one per shift and municipality outside
		// the offer on the shift's day
		// (in 2002 no agreement was in force: every home but the host city and
		// abroad/unknown)
		var notices = new TreeMap<String, Long>();
		records.shifts.stream()
			.filter(s -> s.date().getYear() == 2002)
			.forEach(s -> s.met()
				.stream()
				.map(Met::home)
				.filter(h -> h.matches("[0-9]{4}") && !h.equals("0180"))
				.distinct()
				.forEach(h -> notices.merge(h, 1L, Long::sum)));
		assertThat(parts(byMunicipality, "notices")).isEqualTo(notices);
		assertThat(number(byMunicipality, "notices"))
			.isEqualTo(notices.values().stream().mapToLong(Long::longValue).sum());
	}

	@Test
	void shouldLetAnalystsCoordinatorsAndManagersReadAndOnlyAnalystsAndCoordinatorsGenerate() {
		String manager = token(createUser("ind-manager", List.of("MANAGER"), List.of("MIKA")), USER_PASSWORD);
		String caseworker = token(createUser("ind-cw", List.of("CASEWORKER"), List.of("MIKA")), USER_PASSWORD);
		String query = "?from=2002-01-01&to=2002-12-31";
		assertThat(http().json("GET", "/api/v1/followup/indicators" + query, null, manager).statusCode())
			.isEqualTo(200);
		assertThat(http().json("GET", "/api/v1/followup/indicators" + query, null, caseworker).statusCode())
			.isEqualTo(403);
		assertThat(http().json("GET", "/api/v1/followup/report" + query + "&format=pdf", null, manager).statusCode())
			.isEqualTo(403);
		assertThat(
				http().json("GET", "/api/v1/followup/report" + query + "&format=pdf", null, analystToken).statusCode())
			.isEqualTo(200);
	}

	@Test
	void shouldShowAShareOfNothingAsADashAndSuppressSmallCounts() {
		// 2001: nothing recorded — shares have denominator 0
		Map<String, Map<String, Object>> empty = api(LocalDate.of(2001, 1, 1), LocalDate.of(2001, 12, 31), null, true);
		assertThat(empty.get("offered_support").get("value")).isEqualTo("–");
		assertThat(empty.get("stodcentrum_satisfied").get("value")).isEqualTo("–");
		assertThat(number(empty, "met")).isZero();
		// one week of 2002 with suppression: every count from 1 to 4 is "<5", never its
		// value
		LocalDate from = LocalDate.of(2002, 3, 1);
		LocalDate to = LocalDate.of(2002, 3, 31);
		Map<String, Map<String, Object>> shown = api(from, to, "gender", true);
		long met = count(from, to, (s, m) -> true);
		Object metShown = shown.get("met").get("numerator");
		if (met >= 1 && met <= 4) {
			assertThat(metShown).isEqualTo("<5");
		}
		else if (metShown instanceof Number n) {
			assertThat(n.longValue()).isEqualTo(met);
		}
		for (var indicator : shown.values()) {
			if (indicator.get("breakdown") instanceof List<?> parts) {
				for (Object part : parts) {
					Object c = ((Map<?, ?>) part).get("count");
					if (c instanceof Number n) {
						assertThat(n.longValue()).as("a shown count is 0 or at least 5").matches(v -> v == 0 || v >= 5);
					}
				}
			}
		}
		// a bad breakdown is 400 problem+json
		var bad = http().json("GET", "/api/v1/followup/indicators?from=2002-01-01&to=2002-12-31&by=shoe-size", null,
				analystToken);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
	}

	@Test
	void shouldComputeOneDefinitionAloneAsTheWholeCatalogueDoes() {
		var analyst = new CurrentUser(-1, "ind-service", "Analytiker", Set.of(Role.ANALYST), new TreeSet<>(), false);
		SecurityContextHolder.getContext()
			.setAuthentication(new TestingAuthenticationToken(analyst, null, "ROLE_ANALYST"));
		IndicatorValue alone = indicators.one("joint_exposed", Y02, E02, false, Breakdown.HOME_AREA);
		assertThat(alone.numerator().value())
			.isEqualTo(count(Y02, E02, (s, m) -> s.joint() && m.role().equals("exposed")));
		assertThat(alone.parts().stream().mapToLong(p -> p.count().value()).sum()).isEqualTo(alone.numerator().value());
		IndicatorValue share = indicators.one("offered_support", Y03, E03, false, null);
		assertThat(share.denominator().value()).isEqualTo(count(Y03, E03, (s, m) -> true));
		List<IndicatorValue> trend = indicators.trend("joint_shifts", Y02, E03, false);
		assertThat(trend).extracting(v -> v.numerator().value())
			.containsExactly(records.shifts(Y02, E02, true), records.shifts(Y03, E03, true));
	}

	private long count(LocalDate from, LocalDate to, BiPredicate<Shift, Met> test) {
		return records.met(from, to, test).size();
	}

	private Map<String, Long> group(LocalDate from, LocalDate to, BiPredicate<Shift, Met> test,
			Function<Met, String> key) {
		return records.met(from, to, test)
			.stream()
			.collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
	}

	private static long number(Map<String, Map<String, Object>> api, String id) {
		return ((Number) api.get(id).get("numerator")).longValue();
	}

	private static Map<String, Long> parts(Map<String, Map<String, Object>> api, String id) {
		var parts = new TreeMap<String, Long>();
		for (Object p : (List<?>) api.get(id).get("breakdown")) {
			var part = (Map<?, ?>) p;
			parts.put((String) part.get("key"), ((Number) part.get("count")).longValue());
		}
		return parts;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Object>> api(LocalDate from, LocalDate to, String by, boolean suppress) {
		var response = http().json("GET", "/api/v1/followup/indicators?from=" + from + "&to=" + to + "&suppress="
				+ suppress + (by == null ? "" : "&by=" + by), null, analystToken);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<Map<String, Object>> list = JsonMapper.builder().build().readValue(response.body(), List.class);
		var byId = new HashMap<String, Map<String, Object>>();
		list.forEach(i -> byId.put((String) i.get("id"), i));
		assertThat(byId.values())
			.allSatisfy(i -> assertThat(i).containsKeys("id", "name", "unit", "value", "numerator"));
		return byId;
	}

}
