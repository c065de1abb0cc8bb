package se.skyddsnat.outreach;

import java.time.LocalDate;
import java.util.Map;

/**
 * Counts of shifts and of people met for indicators computed elsewhere (follow-up),
 * aggregates only, exact: the caller suppresses what it shows. A breakdown splits the
 * count into keys that add up to the total: {@code NONE} gives the one key {@code total};
 * {@code GENDER} the gender codes; {@code AGE_GROUP} {@code 0-17}, {@code 18-25},
 * {@code 26-49}, {@code 50-} and {@code unknown}; {@code HOME} a municipality code,
 * {@code abroad} or {@code unknown}; {@code UNIT} the code of the shift's first unit;
 * {@code ROLE} the role codes; {@code MINOR} {@code yes} or {@code no}. Keys without any
 * count are absent. COORDINATOR, MANAGER, ANALYST.
 */
public interface OutreachCounts {

	enum By {

		NONE, GENDER, AGE_GROUP, HOME, UNIT, ROLE, MINOR

	}

	/**
	 * Which people met to count; a null field does not filter. {@code minor}: the person
	 * was under 18.
	 */
	record Filter(ShiftKind kind, Arena arena, EncounterRole role, Boolean minor, Boolean offered) {

		public static Filter all() {
			return new Filter(null, null, null, null, null);
		}

		public Filter kind(ShiftKind k) {
			return new Filter(k, arena, role, minor, offered);
		}

		public Filter arena(Arena a) {
			return new Filter(kind, a, role, minor, offered);
		}

		public Filter role(EncounterRole r) {
			return new Filter(kind, arena, r, minor, offered);
		}

		public Filter minor(Boolean m) {
			return new Filter(kind, arena, role, m, offered);
		}

		public Filter offered(Boolean o) {
			return new Filter(kind, arena, role, minor, o);
		}
	}

	/**
	 * Shifts in a period (both dates inclusive) of one kind (null: both), by {@code NONE}
	 * or {@code UNIT}.
	 */
	Map<String, Long> shifts(LocalDate from, LocalDate to, ShiftKind kind, By by);

	/**
	 * People met on shifts in a period (both dates inclusive) that pass the filter, by
	 * the breakdown.
	 */
	Map<String, Long> encounters(LocalDate from, LocalDate to, Filter filter, By by);

}
