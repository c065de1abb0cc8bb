package se.skyddsnat.outreach;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import se.skyddsnat.shared.Count;
import se.skyddsnat.shared.CountTable;
import se.skyddsnat.shared.SuppressedTable;

/**
 * The one table of a period's outreach figures that every suppressed output draws from:
 * joint shifts (J), own shifts (O) and both (A, their sum cell by cell), each with every
 * count the statistics page, its files, the API and the usage report show, and how they
 * add up:
 * <ul>
 * <li>shifts = Σ shifts per arena; joint shifts = surveillance + raid = Σ joint shifts
 * per week;</li>
 * <li>encounters = exposed + buyers + other = Σ per arena = Σ row totals per home; each
 * role = Σ its column per home; each home's total = exposed + buyers + other; minors =
 * the three roles' minors;</li>
 * <li>"of whom" (their rests are protected too): each role's minors of the role, minors
 * of those met, offered support of those met, accepted of those offered;</li>
 * <li>A = J + O for every count; people from homes outside the year's offer area (the
 * usage report's row).</li>
 * </ul>
 * Building J, O and A together means that asking for joint, own and all shifts of the
 * same period — on the page, in a file, in the API or beside the usage report — shows one
 * consistent set of hidden cells, so no answer undoes another.
 */
final class StatisticsTable {

	static final String JOINT = "J";
	static final String OWN = "O";
	static final String ALL = "A";

	private static final String[] ROLES = { "exposed", "buyers", "other" };

	private static final Set<String> NOT_MUNICIPALITIES = Set.of("abroad", "unknown");

	private StatisticsTable() {
	}

	static CountTable<String> build(OutreachStatistics joint, OutreachStatistics own, OutreachStatistics all,
			Set<String> area) {
		var table = new CountTable<String>();
		List<String> homes = all.byHomeMunicipality().stream().map(OutreachStatistics.HomeRow::code).toList();
		slice(table, JOINT, joint, homes);
		slice(table, OWN, own, homes);
		List<String> cells = slice(table, ALL, all, homes);
		for (String cell : cells) {
			table.sum(ALL + cell, JOINT + cell, OWN + cell);
		}

		// only joint shifts have a police operation and are counted per week
		table.count("J.surveillance", joint.surveillance())
			.count("J.raid", joint.raid())
			.sum("J.shifts", "J.surveillance", "J.raid");
		var weeks = new ArrayList<String>();
		for (var week : joint.jointShiftsPerWeek()) {
			table.count(week(week.weekStart()), week.jointShifts());
			weeks.add(week(week.weekStart()));
		}
		table.sum("J.shifts", weeks);

		var outside = homes.stream().filter(h -> !area.contains(h) && !NOT_MUNICIPALITIES.contains(h)).toList();
		for (String role : List.of("exposed", "buyers")) {
			var rows = all.byHomeMunicipality().stream().filter(h -> outside.contains(h.code())).toList();
			long value = rows.stream().mapToLong(h -> role.equals("exposed") ? h.exposed() : h.buyers()).sum();
			table.count(outside(role), value)
				.sum(outside(role), outside.stream().map(h -> home(ALL, h, role)).toList());
		}
		return table;
	}

	/** The figures of one kind as they may leave, read from the suppressed table. */
	static StatisticsView view(SuppressedTable<String> shown, OutreachStatistics s, String k) {
		Count zero = Count.exact(0);
		boolean joint = !k.equals(OWN);
		return new StatisticsView(s.from(), s.to(), s.kind(), true, shown.withheld(), shown.get(k + ".shifts"),
				joint ? shown.get("J.shifts") : zero, k.equals(JOINT) ? zero : shown.get("O.shifts"),
				joint ? shown.get("J.surveillance") : zero, joint ? shown.get("J.raid") : zero,
				shown.get(k + ".encounters"), shown.get(k + ".exposed"), shown.get(k + ".exposedMinors"),
				shown.get(k + ".buyers"), shown.get(k + ".buyerMinors"), shown.get(k + ".other"),
				shown.get(k + ".otherMinors"), shown.get(k + ".minors"), shown.get(k + ".offered"),
				shown.get(k + ".accepted"),
				s.byHomeMunicipality()
					.stream()
					.map(h -> new StatisticsView.HomeRow(h.code(), h.name(), shown.get(home(k, h.code(), "exposed")),
							shown.get(home(k, h.code(), "buyers")), shown.get(home(k, h.code(), "other")),
							shown.get(home(k, h.code(), "total"))))
					.toList(),
				s.byArena()
					.stream()
					.map(a -> new StatisticsView.ArenaRow(a.arena(), shown.get(arena(k, a.arena(), "shifts")),
							shown.get(arena(k, a.arena(), "encounters"))))
					.toList(),
				s.jointShiftsPerWeek()
					.stream()
					.map(w -> new StatisticsView.WeekRow(w.weekStart(), joint ? shown.get(week(w.weekStart())) : zero))
					.toList(),
				s.weeklyTarget());
	}

	/**
	 * People of a role ("exposed", "buyers") from homes outside the offer area (abroad
	 * and unknown not counted).
	 */
	static String outside(String role) {
		return "A.outside." + role;
	}

	/**
	 * The counts of one kind; returns the keys (without the kind) of every count, for A =
	 * J + O.
	 */
	private static List<String> slice(CountTable<String> table, String k, OutreachStatistics s, List<String> homes) {
		var cells = new ArrayList<String>();
		count(table, cells, k, ".shifts", s.shifts());
		count(table, cells, k, ".exposed", s.exposed());
		count(table, cells, k, ".buyers", s.buyers());
		count(table, cells, k, ".other", s.other());
		count(table, cells, k, ".encounters", s.encounters());
		table.sum(k + ".encounters", k + ".exposed", k + ".buyers", k + ".other");
		count(table, cells, k, ".exposedMinors", s.exposedMinors());
		count(table, cells, k, ".buyerMinors", s.buyerMinors());
		count(table, cells, k, ".otherMinors", s.otherMinors());
		count(table, cells, k, ".minors", s.minors());
		table.sum(k + ".minors", k + ".exposedMinors", k + ".buyerMinors", k + ".otherMinors")
			.atMost(k + ".exposedMinors", k + ".exposed")
			.atMost(k + ".buyerMinors", k + ".buyers")
			.atMost(k + ".otherMinors", k + ".other")
			.atMost(k + ".minors", k + ".encounters");
		count(table, cells, k, ".offered", s.offeredSupport());
		count(table, cells, k, ".accepted", s.accepted());
		table.atMost(k + ".offered", k + ".encounters").atMost(k + ".accepted", k + ".offered");

		Map<String, OutreachStatistics.HomeRow> rows = new HashMap<>();
		s.byHomeMunicipality().forEach(h -> rows.put(h.code(), h));
		for (String h : homes) {
			var row = rows.get(h);
			long[] values = row == null ? new long[3] : new long[] { row.exposed(), row.buyers(), row.other() };
			for (int r = 0; r < ROLES.length; r++) {
				count(table, cells, k, home("", h, ROLES[r]), values[r]);
			}
			count(table, cells, k, home("", h, "total"), values[0] + values[1] + values[2]);
			table.sum(home(k, h, "total"), home(k, h, "exposed"), home(k, h, "buyers"), home(k, h, "other"));
		}
		for (String role : ROLES) {
			table.sum(k + "." + role, homes.stream().map(h -> home(k, h, role)).toList());
		}
		table.sum(k + ".encounters", homes.stream().map(h -> home(k, h, "total")).toList());

		var shifts = new ArrayList<String>();
		var met = new ArrayList<String>();
		for (var a : s.byArena()) {
			count(table, cells, k, arena("", a.arena(), "shifts"), a.shifts());
			count(table, cells, k, arena("", a.arena(), "encounters"), a.encounters());
			shifts.add(arena(k, a.arena(), "shifts"));
			met.add(arena(k, a.arena(), "encounters"));
		}
		table.sum(k + ".shifts", shifts).sum(k + ".encounters", met);
		return cells;
	}

	private static void count(CountTable<String> table, List<String> cells, String k, String cell, long value) {
		table.count(k + cell, value);
		cells.add(cell);
	}

	private static String home(String k, String code, String column) {
		return k + ".home." + code + "." + column;
	}

	private static String arena(String k, Arena arena, String column) {
		return k + ".arena." + arena.code() + "." + column;
	}

	private static String week(java.time.LocalDate weekStart) {
		return "J.week." + weekStart;
	}

}
