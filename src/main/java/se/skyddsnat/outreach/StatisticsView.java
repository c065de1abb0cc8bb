package se.skyddsnat.outreach;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import se.skyddsnat.shared.Count;

/**
 * The figures of a period for one kind of shift (or both) as they may leave the unit:
 * every count exact, or — with suppression — small counts as "&lt;5" and the counts that
 * would reveal them as "x" (see {@link PublishedStatistics}). The same shape as
 * {@link OutreachStatistics}; the weekly target is a constant, not a count, and is never
 * hidden. {@code withheld}: some count of the period's table is ".." (any count).
 */
public record StatisticsView(LocalDate from, LocalDate to, ShiftKind kind, boolean suppressed, boolean withheld,
		Count shifts, Count jointShifts, Count ownShifts, Count surveillance, Count raid, Count encounters,
		Count exposed, Count exposedMinors, Count buyers, Count buyerMinors, Count other, Count otherMinors,
		Count minors, Count offeredSupport, Count accepted, List<HomeRow> byHomeMunicipality, List<ArenaRow> byArena,
		List<WeekRow> jointShiftsPerWeek, int weeklyTarget) {

	/**
	 * People met by home: a municipality (code and name), {@code abroad} or
	 * {@code unknown}, and the row's total.
	 */
	public record HomeRow(String code, String name, Count exposed, Count buyers, Count other, Count total) {
	}

	public record ArenaRow(Arena arena, Count shifts, Count encounters) {
	}

	/** Joint shifts in the ISO week starting on {@code weekStart} (a Monday). */
	public record WeekRow(LocalDate weekStart, Count jointShifts) {

		/**
		 * Whether the week reached the target; null when its count is hidden (the answer
		 * would narrow it).
		 */
		public Boolean onTarget(int target) {
			return jointShifts.atLeast(target);
		}
	}

	/** Every count exact: for use inside the unit, or when suppression is off. */
	static StatisticsView exact(OutreachStatistics s) {
		return new StatisticsView(s.from(), s.to(), s.kind(), false, false, Count.exact(s.shifts()),
				Count.exact(s.jointShifts()), Count.exact(s.ownShifts()), Count.exact(s.surveillance()),
				Count.exact(s.raid()), Count.exact(s.encounters()), Count.exact(s.exposed()),
				Count.exact(s.exposedMinors()), Count.exact(s.buyers()), Count.exact(s.buyerMinors()),
				Count.exact(s.other()), Count.exact(s.otherMinors()), Count.exact(s.minors()),
				Count.exact(s.offeredSupport()), Count.exact(s.accepted()),
				s.byHomeMunicipality()
					.stream()
					.map(h -> new HomeRow(h.code(), h.name(), Count.exact(h.exposed()), Count.exact(h.buyers()),
							Count.exact(h.other()), Count.exact(h.total())))
					.toList(),
				s.byArena()
					.stream()
					.map(a -> new ArenaRow(a.arena(), Count.exact(a.shifts()), Count.exact(a.encounters())))
					.toList(),
				s.jointShiftsPerWeek()
					.stream()
					.map(w -> new WeekRow(w.weekStart(), Count.exact(w.jointShifts())))
					.toList(),
				s.weeklyTarget());
	}

	/**
	 * Percentage of those met who were offered support; null when a count it rests on is
	 * hidden.
	 */
	public BigDecimal offeredPercent() {
		return Count.percent(offeredSupport, encounters);
	}

	/**
	 * Percentage of those offered support who accepted it; null when a count it rests on
	 * is hidden.
	 */
	public BigDecimal acceptedPercent() {
		return Count.percent(accepted, offeredSupport);
	}

	/**
	 * Weeks whose (shown) count reached the weekly target; weeks with a hidden count are
	 * not counted.
	 */
	public long weeksOnTarget() {
		return jointShiftsPerWeek.stream().filter(w -> Boolean.TRUE.equals(w.onTarget(weeklyTarget))).count();
	}

	/** Weeks whose count is hidden. */
	public long hiddenWeeks() {
		return jointShiftsPerWeek.stream().filter(w -> w.jointShifts().isHidden()).count();
	}
}
