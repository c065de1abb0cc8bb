package se.skyddsnat.outreach;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;

/**
 * Plausible synthetic shifts for demos, benchmarks and tests: a few joint and own shifts
 * a week, people met with realistic shares of roles, minors (a few per cent), home
 * municipalities (mostly the host city, then neighbours by population, some abroad or
 * unknown) and support offered to nearly all. Deterministic for a seed. Never real
 * people; demo rows are marked synthetic when stored.
 */
final class SyntheticOutreach {

	private static final UnitCode MIKA = UnitCode.of("MIKA");

	private static final UnitCode KAST = UnitCode.of("KAST");

	private static final UnitCode YOUTH = UnitCode.of("UNGDOMSJOUREN");

	private static final MunicipalityCode HOST = MunicipalityCode.of("0180");

	private final Random random;

	private final List<MunicipalityCode> codes;

	private final long[] cumulativePopulation;

	private final String refPrefix;

	private int counter;

	/**
	 * {@code population}: residents by municipality, to draw home municipalities in
	 * proportion.
	 */
	SyntheticOutreach(long seed, Map<MunicipalityCode, Integer> population, String refPrefix) {
		this.random = new Random(seed);
		this.codes = population.keySet().stream().sorted().toList();
		this.cumulativePopulation = new long[codes.size()];
		long sum = 0;
		for (int i = 0; i < codes.size(); i++) {
			sum += population.get(codes.get(i));
			cumulativePopulation[i] = sum;
		}
		this.refPrefix = refPrefix;
	}

	List<NewShift> shifts(LocalDate from, LocalDate to) {
		var result = new ArrayList<NewShift>();
		for (LocalDate week = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !week
			.isAfter(to); week = week.plusWeeks(1)) {
			int joint = 2 + random.nextInt(4);
			int own = 1 + random.nextInt(3);
			for (int i = 0; i < joint + own; i++) {
				LocalDate date = week.plusDays(random.nextInt(7));
				if (date.isBefore(from) || date.isAfter(to)) {
					continue;
				}
				result.add(shift(date, i < joint));
			}
		}
		return result;
	}

	private NewShift shift(LocalDate date, boolean joint) {
		Arena arena = joint
				? pick(new Arena[] { Arena.APARTMENT, Arena.HOTEL, Arena.STREET, Arena.OTHER },
						new int[] { 45, 25, 20, 10 })
				: pick(new Arena[] { Arena.STREET, Arena.ONLINE, Arena.HOTEL, Arena.SEX_CLUB, Arena.OTHER },
						new int[] { 40, 30, 10, 15, 5 });
		var units = new ArrayList<UnitCode>();
		units.add(MIKA);
		if (joint || random.nextInt(3) == 0) {
			units.add(KAST);
		}
		if (arena == Arena.ONLINE || random.nextInt(6) == 0) {
			units.add(YOUTH);
		}
		int people = random.nextInt(joint ? 7 : 4);
		var encounters = new ArrayList<NewEncounter>();
		for (int p = 0; p < people; p++) {
			encounters.add(encounter(units));
		}
		LocalTime start = LocalTime.of(17 + random.nextInt(5), random.nextBoolean() ? 0 : 30);
		return new NewShift(refPrefix + "-" + (++counter), date, start, start.plusHours(3),
				joint ? ShiftKind.JOINT : ShiftKind.OWN,
				joint ? (random.nextInt(10) < 4 ? PoliceOperation.RAID : PoliceOperation.SURVEILLANCE) : null, arena,
				random.nextInt(10) < 8 ? HOST : home(), units, null, encounters);
	}

	private NewEncounter encounter(List<UnitCode> units) {
		EncounterRole role = pick(EncounterRole.values(), new int[] { 52, 44, 4 });
		boolean minor = random.nextInt(100) < (role == EncounterRole.BUYER ? 1 : 5);
		Integer age = null;
		if (minor) {
			age = 14 + random.nextInt(4);
		}
		else if (random.nextInt(10) < 6) {
			age = 18 + random.nextInt(45);
		}
		Answer minorAnswer = minor ? (random.nextBoolean() ? Answer.YES : Answer.UNKNOWN)
				: age != null && random.nextBoolean() ? Answer.NO : Answer.UNKNOWN;
		Gender gender = role == EncounterRole.BUYER ? pick(Gender.values(), new int[] { 3, 95, 1, 1 })
				: pick(Gender.values(), new int[] { 85, 8, 4, 3 });
		int h = random.nextInt(100);
		Home home = h < 45 ? Home.of(HOST) : h < 75 ? Home.of(home()) : h < 90 ? Home.ABROAD : Home.UNKNOWN;
		boolean offered = random.nextInt(100) < 97;
		UnitCode by = null;
		if (offered) {
			by = minor && units.contains(YOUTH) ? YOUTH
					: role == EncounterRole.BUYER && units.contains(KAST) ? KAST : MIKA;
		}
		Answer accepted = offered ? pick(Answer.values(), new int[] { 35, 40, 25 }) : Answer.NO;
		return new NewEncounter(role, gender, age, minorAnswer, home, offered, by, accepted);
	}

	private MunicipalityCode home() {
		long r = (long) (random.nextDouble() * cumulativePopulation[cumulativePopulation.length - 1]);
		for (int i = 0; i < cumulativePopulation.length; i++) {
			if (r < cumulativePopulation[i]) {
				return codes.get(i);
			}
		}
		return codes.getLast();
	}

	private <T> T pick(T[] values, int[] weights) {
		int total = 0;
		for (int w : weights) {
			total += w;
		}
		int r = random.nextInt(total);
		for (int i = 0; i < values.length; i++) {
			r -= weights[i];
			if (r < 0) {
				return values[i];
			}
		}
		return values[values.length - 1];
	}

}
