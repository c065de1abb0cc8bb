package se.skyddsnat.outreach;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.skyddsnat.shared.DisclosureCheck;
import se.skyddsnat.shared.DisclosureCheck.Seen;

/**
 * A reader of {@code GET /api/v1/outreach/statistics?suppress=true} who knows only what
 * the README says of it: how the figures add up (shifts per arena, surveillance + raid
 * and the weeks to joint shifts, the roles, arenas and homes to the people met, "of whom"
 * minors, offered and accepted) and that all shifts are joint plus own. Built from the
 * answers for all, joint and own shifts of one period, with the exact answers as the
 * truth, it gives a {@link DisclosureCheck} that tries to work every hidden count out.
 * Nothing here uses the suppression code.
 */
public final class StatisticsReader {

	public static final List<String> KINDS = List.of("all", "joint", "own");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String[] ROLES = { "exposed", "buyers", "other" };

	private StatisticsReader() {
	}

	/**
	 * The reader's view of a period: per kind ("all", "joint", "own") the exact and the
	 * suppressed answer.
	 */
	public static DisclosureCheck of(Map<String, String> exact, Map<String, String> shown) {
		var check = new DisclosureCheck();
		add(check, exact, shown);
		return check;
	}

	public static void add(DisclosureCheck check, Map<String, String> exact, Map<String, String> shown) {
		Set<String> homes = new LinkedHashSet<>();
		Set<String> arenas = new LinkedHashSet<>();
		Set<String> weeks = new LinkedHashSet<>();
		for (String kind : KINDS) {
			JsonNode node = JSON.readTree(exact.get(kind));
			node.get("byHomeMunicipality").forEach(h -> homes.add(h.get("code").asString()));
			node.get("byArena").forEach(a -> arenas.add(a.get("arena").asString()));
			node.get("jointShiftsPerWeek").forEach(w -> weeks.add(w.get("weekStart").asString()));
		}
		for (String kind : KINDS) {
			JsonNode truth = JSON.readTree(exact.get(kind));
			JsonNode seen = JSON.readTree(shown.get(kind));
			String k = kind + ".";
			for (String field : List.of("shifts", "jointShifts", "ownShifts", "encounters", "exposed", "exposedMinors",
					"buyers", "buyerMinors", "other", "otherMinors", "offeredSupport", "accepted")) {
				cell(check, k + field, truth.get(field), seen.get(field));
			}
			for (String op : List.of("surveillance", "raid")) {
				cell(check, k + op, truth.get("shiftsByPoliceOperation").get(op),
						seen.get("shiftsByPoliceOperation").get(op));
			}
			check.sum(k + "jointShifts", List.of(k + "surveillance", k + "raid"));
			check.sum(k + "shifts", List.of(k + "jointShifts", k + "ownShifts"));
			check.sum(k + "encounters", List.of(k + "exposed", k + "buyers", k + "other"));
			rest(check, k + "exposed", k + "exposedMinors");
			rest(check, k + "buyers", k + "buyerMinors");
			rest(check, k + "other", k + "otherMinors");
			rest(check, k + "encounters", k + "offeredSupport");
			rest(check, k + "offeredSupport", k + "accepted");

			// by home: a home missing from a kind's answer has 0 there, as the reader
			// knows
			var columns = new ArrayList<List<String>>();
			for (int r = 0; r < ROLES.length; r++) {
				columns.add(new ArrayList<>());
			}
			var totals = new ArrayList<String>();
			for (String home : homes) {
				JsonNode t = row(truth.get("byHomeMunicipality"), "code", home);
				JsonNode s = row(seen.get("byHomeMunicipality"), "code", home);
				var parts = new ArrayList<String>();
				long total = 0;
				for (int r = 0; r < ROLES.length; r++) {
					String name = k + "home." + home + "." + ROLES[r];
					cell(check, name, t == null ? null : t.get(ROLES[r]), s == null ? null : s.get(ROLES[r]));
					columns.get(r).add(name);
					parts.add(name);
					total += t == null ? 0 : t.get(ROLES[r]).asLong();
				}
				// the page shows each home's total; the API does not, but a reader can
				// add
				check.cell(k + "home." + home + ".total", total, Seen.UNSHOWN);
				check.sum(k + "home." + home + ".total", parts);
				totals.add(k + "home." + home + ".total");
			}
			for (int r = 0; r < ROLES.length; r++) {
				check.sum(k + ROLES[r], columns.get(r));
			}
			check.sum(k + "encounters", totals);

			var arenaShifts = new ArrayList<String>();
			var arenaPeople = new ArrayList<String>();
			for (String arena : arenas) {
				JsonNode t = row(truth.get("byArena"), "arena", arena);
				JsonNode s = row(seen.get("byArena"), "arena", arena);
				cell(check, k + "arena." + arena + ".shifts", t.get("shifts"), s.get("shifts"));
				cell(check, k + "arena." + arena + ".encounters", t.get("encounters"), s.get("encounters"));
				arenaShifts.add(k + "arena." + arena + ".shifts");
				arenaPeople.add(k + "arena." + arena + ".encounters");
			}
			check.sum(k + "shifts", arenaShifts);
			check.sum(k + "encounters", arenaPeople);

			var perWeek = new ArrayList<String>();
			for (String week : weeks) {
				JsonNode t = row(truth.get("jointShiftsPerWeek"), "weekStart", week);
				JsonNode s = row(seen.get("jointShiftsPerWeek"), "weekStart", week);
				cell(check, k + "week." + week, t.get("jointShifts"), s.get("jointShifts"));
				perWeek.add(k + "week." + week);
			}
			check.sum(k + "jointShifts", perWeek);
		}
		// all shifts are joint plus own, figure by figure
		var names = new ArrayList<String>();
		for (String name : List.of("shifts", "jointShifts", "ownShifts", "surveillance", "raid", "encounters",
				"exposed", "exposedMinors", "buyers", "buyerMinors", "other", "otherMinors", "offeredSupport",
				"accepted")) {
			names.add(name);
		}
		homes.forEach(h -> {
			for (String role : ROLES) {
				names.add("home." + h + "." + role);
			}
		});
		arenas.forEach(a -> {
			names.add("arena." + a + ".shifts");
			names.add("arena." + a + ".encounters");
		});
		weeks.forEach(w -> names.add("week." + w));
		for (String name : names) {
			check.sum("all." + name, List.of("joint." + name, "own." + name));
		}
	}

	/** What a JSON value shows: a number, "<5", "x" or "..". */
	public static Seen seen(JsonNode value) {
		if (value.isNumber()) {
			return Seen.EXACT;
		}
		return switch (value.asString()) {
			case "<5" -> Seen.SMALL;
			case "x" -> Seen.HIDDEN;
			case ".." -> Seen.WITHHELD;
			default -> throw new AssertionError("not a count: " + value);
		};
	}

	private static void cell(DisclosureCheck check, String name, JsonNode truth, JsonNode shown) {
		if (truth == null) {
			check.cell(name, 0, shown == null ? Seen.EXACT : seen(shown));
			return;
		}
		Seen seen = seen(shown);
		if (seen == Seen.EXACT && shown.asLong() != truth.asLong()) {
			throw new AssertionError(name + " shown as " + shown + " but is " + truth);
		}
		check.cell(name, truth.asLong(), seen);
	}

	private static void rest(DisclosureCheck check, String whole, String part) {
		String rest = whole + "-" + part;
		check.cell(rest, check.truthOf(whole) - check.truthOf(part), Seen.UNSHOWN);
		check.sum(whole, List.of(part, rest));
	}

	private static JsonNode row(JsonNode rows, String key, String value) {
		for (JsonNode row : rows) {
			if (row.get(key).asString().equals(value)) {
				return row;
			}
		}
		return null;
	}

}
