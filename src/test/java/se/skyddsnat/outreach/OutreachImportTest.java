package se.skyddsnat.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.Municipality;
import se.skyddsnat.support.IntegrationTest;

/**
 * Imports three years of generated history (2016–2018, a period no other test uses) and
 * checks every statistics field against counts made here, in Java, from the generated
 * rows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutreachImportTest extends IntegrationTest {

	private static final LocalDate FROM = LocalDate.of(2016, 1, 1);

	private static final LocalDate TO = LocalDate.of(2018, 12, 31);

	@Autowired
	Municipalities municipalities;

	@Autowired
	JsonMapper json;

	private List<NewShift> generated;

	private String manager;

	@BeforeAll
	void importGeneratedHistory() {
		var population = municipalities.all()
			.stream()
			.collect(Collectors.toMap(Municipality::code, Municipality::population));
		generated = new SyntheticOutreach(42, population, "gen").shifts(FROM, TO);
		assertThat(generated).hasSizeGreaterThan(800);
		assertThat(generated.stream().mapToInt(s -> s.encounters().size()).sum()).isGreaterThan(2000);
		manager = createUser("importer", List.of("MANAGER"), List.of("MIKA"));
		String token = token(manager, USER_PASSWORD);
		int half = generated.size() / 2;
		var first = generated.subList(0, half);
		var second = generated.subList(half, generated.size());
		// Swedish Excel: semicolons and a BOM; then plain commas without BOM.
		var a = http().multipart("/api/v1/outreach/import", Map.of("shifts", OutreachCsv.shifts(first, ';', true),
				"encounters", OutreachCsv.encounters(first, ';', true)), token);
		var b = http().multipart("/api/v1/outreach/import", Map.of("shifts", OutreachCsv.shifts(second, ',', false),
				"encounters", OutreachCsv.encounters(second, ',', false)), token);
		assertThat(a.statusCode()).as(a.body()).isEqualTo(200);
		assertThat(b.statusCode()).as(b.body()).isEqualTo(200);
	}

	@Test
	void shouldCountEveryFigureRightForSeveralPeriodsAndBothKinds() {
		String token = token(manager, USER_PASSWORD);
		List<LocalDate[]> periods = List.of(new LocalDate[] { FROM, TO },
				new LocalDate[] { LocalDate.of(2017, 4, 1), LocalDate.of(2017, 6, 30) },
				new LocalDate[] { LocalDate.of(2018, 3, 5), LocalDate.of(2018, 3, 11) },
				new LocalDate[] { LocalDate.of(2018, 12, 31), LocalDate.of(2018, 12, 31) });
		for (LocalDate[] p : periods) {
			for (String kind : new String[] { null, "joint", "own" }) {
				String url = "/api/v1/outreach/statistics?from=" + p[0] + "&to=" + p[1]
						+ (kind == null ? "" : "&kind=" + kind);
				var answer = http().json("GET", url, null, token);
				assertThat(answer.statusCode()).as(url).isEqualTo(200);
				assertFigures(json.readTree(answer.body()), p[0], p[1], kind, url);
			}
		}
	}

	@Test
	void shouldNeverCountAFileTwice() {
		var again = http().multipart(
				"/api/v1/outreach/import", Map.of("shifts", OutreachCsv.shifts(generated.subList(0, 3), ',', false),
						"encounters", OutreachCsv.encounters(generated.subList(0, 3), ',', false)),
				token(manager, USER_PASSWORD));

		assertThat(again.statusCode()).isEqualTo(400);
		assertThat(again.body()).contains("\"file\":\"shifts\",\"line\":2,\"column\":\"ref\"")
			.contains("är redan importerad");
	}

	@Test
	void shouldCloseTasksAndNoticesOfHistoricalShifts() {
		var minors = generated.stream().flatMap(s -> s.encounters().stream()).filter(NewEncounter::isMinor).count();
		var tasks = jdbc.sql("""
				SELECT count(*) FILTER (WHERE historical AND done_on IS NOT NULL) AS closed, count(*) AS total
				  FROM casework.tasks t WHERE t.due_date BETWEEN ? AND ?""").params(FROM, TO).query().singleRow();
		assertThat(((Number) tasks.get("total")).longValue()).isEqualTo(2 * minors);
		assertThat(((Number) tasks.get("closed")).longValue()).isEqualTo(2 * minors);
		assertThat(
				jdbc.sql("SELECT count(*) FROM region.notices WHERE shift_date BETWEEN ? AND ? AND informed_on IS NULL")
					.params(FROM, TO)
					.query(Long.class)
					.single())
			.isZero();
	}

	private void assertFigures(JsonNode s, LocalDate from, LocalDate to, String kind, String url) {
		Predicate<NewShift> in = sh -> !sh.date().isBefore(from) && !sh.date().isAfter(to)
				&& (kind == null || sh.kind().code().equals(kind));
		var shifts = generated.stream().filter(in).toList();
		var people = shifts.stream().flatMap(sh -> sh.encounters().stream()).toList();
		assertThat(s.get("shifts").asLong()).as(url + " shifts").isEqualTo(shifts.size());
		assertThat(s.get("shiftsByPoliceOperation").get("raid").asLong()).as(url + " raid")
			.isEqualTo(shifts.stream().filter(sh -> sh.policeOperation() == PoliceOperation.RAID).count());
		assertThat(s.get("shiftsByPoliceOperation").get("surveillance").asLong()).as(url + " surveillance")
			.isEqualTo(shifts.stream().filter(sh -> sh.policeOperation() == PoliceOperation.SURVEILLANCE).count());
		assertThat(s.get("encounters").asLong()).as(url).isEqualTo(people.size());
		assertThat(s.get("exposed").asLong()).as(url).isEqualTo(count(people, EncounterRole.EXPOSED, false));
		assertThat(s.get("exposedMinors").asLong()).as(url).isEqualTo(count(people, EncounterRole.EXPOSED, true));
		assertThat(s.get("buyers").asLong()).as(url).isEqualTo(count(people, EncounterRole.BUYER, false));
		assertThat(s.get("buyerMinors").asLong()).as(url).isEqualTo(count(people, EncounterRole.BUYER, true));
		assertThat(s.get("offeredSupport").asLong()).as(url)
			.isEqualTo(people.stream().filter(NewEncounter::supportOffered).count());
		assertThat(s.get("accepted").asLong()).as(url)
			.isEqualTo(people.stream().filter(e -> e.accepted() == Answer.YES).count());

		var expectedHomes = new HashMap<String, long[]>();
		for (NewEncounter e : people) {
			expectedHomes.computeIfAbsent(e.home().code(), c -> new long[3])[e.role().ordinal()]++;
		}
		var actualHomes = new HashMap<String, long[]>();
		for (JsonNode row : s.get("byHomeMunicipality")) {
			long[] v = { row.get("exposed").asLong(), row.get("buyers").asLong(), row.get("other").asLong() };
			if (v[0] + v[1] + v[2] > 0) {
				actualHomes.put(row.get("code").asString(), v);
			}
		}
		assertThat(actualHomes.keySet()).as(url + " homes").isEqualTo(expectedHomes.keySet());
		expectedHomes
			.forEach((code, v) -> assertThat(actualHomes.get(code)).as(url + " home " + code).containsExactly(v));
		assertThat(s.get("byHomeMunicipality").findValuesAsString("code")).contains("abroad", "unknown");

		for (JsonNode row : s.get("byArena")) {
			String arena = row.get("arena").asString();
			var arenaShifts = shifts.stream().filter(sh -> sh.arena().code().equals(arena)).toList();
			assertThat(row.get("shifts").asLong()).as(url + " arena " + arena).isEqualTo(arenaShifts.size());
			assertThat(row.get("encounters").asLong()).as(url + " arena people " + arena)
				.isEqualTo(arenaShifts.stream().mapToLong(sh -> sh.encounters().size()).sum());
		}
		long jointInWeeks = 0;
		for (JsonNode w : s.get("jointShiftsPerWeek")) {
			jointInWeeks += w.get("jointShifts").asLong();
		}
		assertThat(jointInWeeks).as(url + " weeks")
			.isEqualTo("own".equals(kind) ? 0 : generated.stream()
				.filter(sh -> sh.kind() == ShiftKind.JOINT && !sh.date().isBefore(from) && !sh.date().isAfter(to))
				.count());
	}

	private static long count(List<NewEncounter> people, EncounterRole role, boolean minorsOnly) {
		return people.stream().filter(e -> e.role() == role && (!minorsOnly || e.isMinor())).count();
	}

}
