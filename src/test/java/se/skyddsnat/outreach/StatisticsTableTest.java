package se.skyddsnat.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import se.skyddsnat.shared.Count;
import se.skyddsnat.shared.DisclosureCheck;

/**
 * The statistics' one table of a period, over hundreds of random small periods (a handful
 * of shifts and people, aggregated here independently of the SQL): joint, own and both
 * kinds, by home, arena and week, with "of whom" counts. For each, the independent
 * {@link DisclosureCheck} finds a second value for every hidden count, whatever a reader
 * combines — the three kinds' answers, the report sentence's joint figures, the usage
 * report's row outside the offer area.
 */
class StatisticsTableTest {

	private static final LocalDate FROM = LocalDate.of(2030, 3, 4);

	private static final String[] HOMES = { "0180", "0182", "0126", "1480", "abroad", "unknown" };

	private static final Set<String> AREA = Set.of("0180", "0182", "0126");

	@Test
	void shouldLeaveEveryHiddenCountTwoPossibleValuesInRandomPeriods() {
		var random = new Random(4711);
		int hiddenTotal = 0;
		for (int p = 0; p < 400; p++) {
			var period = randomPeriod(random);
			var table = StatisticsTable.build(period.get(ShiftKind.JOINT), period.get(ShiftKind.OWN), period.get(null),
					AREA);
			var shown = table.publish(true);
			var reader = DisclosureCheck.of(table, shown);
			assertThat(reader.derivable()).as("period %d: %s", p, period.get(null)).isEmpty();

			// the views read the same cells: joint shifts in "all" are the joint view's
			// shifts
			StatisticsView all = StatisticsTable.view(shown, period.get(null), StatisticsTable.ALL);
			StatisticsView joint = StatisticsTable.view(shown, period.get(ShiftKind.JOINT), StatisticsTable.JOINT);
			assertThat(all.jointShifts()).isEqualTo(joint.shifts());
			assertThat(all.jointShiftsPerWeek()).isEqualTo(joint.jointShiftsPerWeek());
			assertThat(all.weeklyTarget()).isEqualTo(4);
			for (var cell : table.cells()) {
				if (cell.published() && cell.value() >= 1 && cell.value() <= 4) {
					assertThat(reader.seenOf(String.valueOf(cell.key()))).as("%s", cell)
						.isIn(DisclosureCheck.Seen.SMALL, DisclosureCheck.Seen.WITHHELD);
				}
				if (cell.published() && reader.seenOf(String.valueOf(cell.key())) != DisclosureCheck.Seen.EXACT) {
					hiddenTotal++;
				}
			}
		}
		assertThat(hiddenTotal).isPositive();
	}

	@Test
	void shouldShowStockholm5ButNotTheTotalBesideNackaSmall() {
		// one joint shift: 5 exposed from Stockholm, 1 from Nacka; a total of 6 would
		// give Nacka away
		var people = new ArrayList<Person>();
		for (int i = 0; i < 5; i++) {
			people.add(new Person(0, "exposed", false, "0180", true, false));
		}
		people.add(new Person(0, "exposed", false, "0182", true, false));
		var period = aggregate(List.of(new Shift(ShiftKind.JOINT, PoliceOperation.RAID, Arena.APARTMENT, 0)), people);
		var shown = StatisticsTable
			.build(period.get(ShiftKind.JOINT), period.get(ShiftKind.OWN), period.get(null), AREA)
			.publish(true);
		StatisticsView all = StatisticsTable.view(shown, period.get(null), StatisticsTable.ALL);
		var nacka = all.byHomeMunicipality().stream().filter(h -> h.code().equals("0182")).findFirst().orElseThrow();
		var stockholm = all.byHomeMunicipality()
			.stream()
			.filter(h -> h.code().equals("0180"))
			.findFirst()
			.orElseThrow();
		assertThat(nacka.exposed().mark()).isEqualTo("<5");
		assertThat(stockholm.exposed()).isEqualTo(Count.exact(5));
		assertThat(all.exposed().mark()).isEqualTo("x");
		assertThat(all.encounters().mark()).isEqualTo("x");
	}

	record Shift(ShiftKind kind, PoliceOperation operation, Arena arena, int week) {
	}

	record Person(int shift, String role, boolean minor, String home, boolean offered, boolean accepted) {
	}

	private static Map<ShiftKind, OutreachStatistics> randomPeriod(Random random) {
		int weeks = 1 + random.nextInt(3);
		var shifts = new ArrayList<Shift>();
		int count = 1 + random.nextInt(5);
		for (int i = 0; i < count; i++) {
			boolean joint = random.nextInt(3) > 0;
			shifts.add(new Shift(joint ? ShiftKind.JOINT : ShiftKind.OWN,
					joint ? (random.nextBoolean() ? PoliceOperation.RAID : PoliceOperation.SURVEILLANCE) : null,
					Arena.values()[random.nextInt(3)], random.nextInt(weeks)));
		}
		var people = new ArrayList<Person>();
		int met = random.nextInt(16);
		String[] roles = { "exposed", "exposed", "buyers", "other" };
		for (int i = 0; i < met; i++) {
			boolean offered = random.nextInt(4) > 0;
			people.add(new Person(random.nextInt(shifts.size()), roles[random.nextInt(roles.length)],
					random.nextInt(5) == 0, HOMES[random.nextInt(HOMES.length)], offered,
					offered && random.nextBoolean()));
		}
		return aggregate(shifts, people);
	}

	/** The figures of each kind (null: both), as the statistics queries define them. */
	private static Map<ShiftKind, OutreachStatistics> aggregate(List<Shift> shifts, List<Person> people) {
		var result = new LinkedHashMap<ShiftKind, OutreachStatistics>();
		int weeks = shifts.stream().mapToInt(Shift::week).max().orElse(0) + 1;
		for (ShiftKind kind : new ShiftKind[] { ShiftKind.JOINT, ShiftKind.OWN, null }) {
			var in = new ArrayList<Integer>();
			for (int i = 0; i < shifts.size(); i++) {
				if (kind == null || shifts.get(i).kind() == kind) {
					in.add(i);
				}
			}
			var met = people.stream().filter(p -> in.contains(p.shift())).toList();
			long joint = in.stream().filter(i -> shifts.get(i).kind() == ShiftKind.JOINT).count();
			var homes = new TreeMap<String, long[]>();
			for (var p : met) {
				long[] row = homes.computeIfAbsent(p.home(), h -> new long[3]);
				row[p.role().equals("exposed") ? 0 : p.role().equals("buyers") ? 1 : 2]++;
			}
			var homeRows = new ArrayList<OutreachStatistics.HomeRow>();
			homes.forEach((code, row) -> {
				if (!code.equals("abroad") && !code.equals("unknown")) {
					homeRows.add(new OutreachStatistics.HomeRow(code, "M" + code, row[0], row[1], row[2]));
				}
			});
			for (String code : List.of("abroad", "unknown")) {
				long[] row = homes.getOrDefault(code, new long[3]);
				homeRows.add(new OutreachStatistics.HomeRow(code, null, row[0], row[1], row[2]));
			}
			var arenas = new ArrayList<OutreachStatistics.ArenaRow>();
			for (Arena a : Arena.values()) {
				arenas
					.add(new OutreachStatistics.ArenaRow(a, in.stream().filter(i -> shifts.get(i).arena() == a).count(),
							met.stream().filter(p -> shifts.get(p.shift()).arena() == a).count()));
			}
			var perWeek = new ArrayList<OutreachStatistics.WeekRow>();
			for (int w = 0; w < weeks; w++) {
				int week = w;
				perWeek.add(new OutreachStatistics.WeekRow(FROM.plusWeeks(w),
						kind == ShiftKind.OWN ? 0 : in.stream()
							.filter(i -> shifts.get(i).kind() == ShiftKind.JOINT && shifts.get(i).week() == week)
							.count()));
			}
			result.put(kind,
					new OutreachStatistics(FROM, FROM.plusWeeks(weeks).minusDays(1), kind, in.size(), joint,
							in.size() - joint,
							in.stream().filter(i -> shifts.get(i).operation() == PoliceOperation.SURVEILLANCE).count(),
							in.stream().filter(i -> shifts.get(i).operation() == PoliceOperation.RAID).count(),
							met.size(), count(met, "exposed", false), count(met, "exposed", true),
							count(met, "buyers", false), count(met, "buyers", true), count(met, "other", false),
							count(met, "other", true), met.stream().filter(Person::offered).count(),
							met.stream().filter(Person::accepted).count(), homeRows, arenas, perWeek, 4));
		}
		return result;
	}

	private static long count(List<Person> people, String role, boolean minorsOnly) {
		return people.stream().filter(p -> p.role().equals(role) && (!minorsOnly || p.minor())).count();
	}

}
