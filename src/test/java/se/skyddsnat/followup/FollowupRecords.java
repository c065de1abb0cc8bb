package se.skyddsnat.followup;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic outreach records for the follow-up tests, generated from a seed and imported
 * through the outreach import: the tests count from these records themselves and compare
 * with what the system computes.
 */
final class FollowupRecords {

	record Shift(String ref, LocalDate date, boolean joint, String arena, String unit, List<Met> met) {
	}

	/**
	 * One person met; {@code age} null when not known; {@code minorCode} yes, no or
	 * unknown.
	 */
	record Met(String role, String gender, Integer age, String minorCode, String home, boolean offered) {
		boolean minor() {
			return minorCode.equals("yes") || (age != null && age < 18);
		}
	}

	static final String[] ARENAS = { "street", "apartment", "hotel", "online" };
	static final String[] UNITS = { "MIKA", "KAST", "UNGDOMSJOUREN" };
	static final String[] ROLES = { "exposed", "exposed", "buyer", "other" };
	static final String[] GENDERS = { "female", "female", "male", "other", "unknown" };
	static final String[] HOMES = { "0180", "0180", "0126", "0182", "0980", "abroad", "unknown" };

	final List<Shift> shifts = new ArrayList<>();

	/** {@code count} shifts on random days of {@code year}, with 0–4 people met each. */
	static FollowupRecords generate(String prefix, int year, int count, long seed) {
		var r = new Random(seed);
		var records = new FollowupRecords();
		for (int i = 0; i < count; i++) {
			LocalDate date = LocalDate.of(year, 1, 1).plusDays(r.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
			boolean joint = r.nextInt(3) > 0;
			var met = new ArrayList<Met>();
			int n = r.nextInt(5);
			for (int j = 0; j < n; j++) {
				Integer age = r.nextInt(4) == 0 ? null : 14 + r.nextInt(50);
				String minor = age == null ? new String[] { "yes", "no", "unknown" }[r.nextInt(3)]
						: age < 18 ? (r.nextBoolean() ? "yes" : "unknown") : (r.nextBoolean() ? "no" : "unknown");
				met.add(new Met(ROLES[r.nextInt(ROLES.length)], GENDERS[r.nextInt(GENDERS.length)], age, minor,
						HOMES[r.nextInt(HOMES.length)], r.nextInt(5) > 0));
			}
			records.shifts.add(new Shift(prefix + "-" + i, date, joint, ARENAS[r.nextInt(ARENAS.length)],
					UNITS[r.nextInt(UNITS.length)], met));
		}
		return records;
	}

	byte[] shiftsCsv() {
		var b = new StringBuilder(
				"ref;date;start_time;end_time;kind;police_operation;arena;municipality;units;notes\n");
		for (Shift s : shifts) {
			b.append(s.ref())
				.append(';')
				.append(s.date())
				.append(";;;")
				.append(s.joint() ? "joint;raid" : "own;")
				.append(';')
				.append(s.arena())
				.append(";0180;")
				.append(s.unit())
				.append(";\n");
		}
		return b.toString().getBytes(StandardCharsets.UTF_8);
	}

	byte[] encountersCsv() {
		var b = new StringBuilder(
				"shift_ref;role;gender;age;minor;home_municipality;support_offered;offered_by;accepted\n");
		for (Shift s : shifts) {
			for (Met m : s.met()) {
				b.append(s.ref())
					.append(';')
					.append(m.role())
					.append(';')
					.append(m.gender())
					.append(';')
					.append(m.age() == null ? "" : m.age())
					.append(';')
					.append(m.minorCode())
					.append(';')
					.append(m.home())
					.append(';')
					.append(m.offered() ? "yes;MIKA;no" : "no;;unknown")
					.append('\n');
			}
		}
		return b.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The people met on shifts from {@code from} to {@code to} that pass the test. */
	List<Met> met(LocalDate from, LocalDate to, java.util.function.BiPredicate<Shift, Met> test) {
		var list = new ArrayList<Met>();
		for (Shift s : shifts) {
			if (!s.date().isBefore(from) && !s.date().isAfter(to)) {
				s.met().stream().filter(m -> test.test(s, m)).forEach(list::add);
			}
		}
		return list;
	}

	long shifts(LocalDate from, LocalDate to, boolean joint) {
		return shifts.stream()
			.filter(s -> s.joint() == joint && !s.date().isBefore(from) && !s.date().isAfter(to))
			.count();
	}

}
