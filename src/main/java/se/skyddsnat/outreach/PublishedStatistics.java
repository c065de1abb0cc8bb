package se.skyddsnat.outreach;

import java.util.Set;
import java.util.function.Supplier;

import se.skyddsnat.shared.Count;
import se.skyddsnat.shared.SuppressedTable;

/**
 * A period's figures as they may leave the unit: those of the chosen kind of shift and
 * those of joint shifts (the report sentence), exact or suppressed. Suppressed, both come
 * from one {@link StatisticsTable} of the period through the shared mechanism
 * ({@link se.skyddsnat.shared.CountTable#publish}), so that every page, file and API
 * answer about the period hides the same cells.
 */
public final class PublishedStatistics {

	private final StatisticsView figures;

	private final Supplier<StatisticsView> joint;

	private StatisticsView jointFigures;

	private final SuppressedTable<String> table;

	private final Set<String> area;

	private PublishedStatistics(StatisticsView figures, Supplier<StatisticsView> joint, SuppressedTable<String> table,
			Set<String> area) {
		this.figures = figures;
		this.joint = joint;
		this.table = table;
		this.area = area;
	}

	/**
	 * Exact: the joint shifts' figures are computed when first asked for (the page's
	 * sentence asks, the API does not), and not at all when the chosen kind is joint.
	 */
	static PublishedStatistics exact(OutreachStatistics figures, Supplier<OutreachStatistics> joint) {
		StatisticsView view = StatisticsView.exact(figures);
		return new PublishedStatistics(view,
				figures.kind() == ShiftKind.JOINT ? () -> view : () -> StatisticsView.exact(joint.get()), null, null);
	}

	/**
	 * Suppressed: from the figures of joint shifts, own shifts and both, and the year's
	 * offer area (the usage report's "outside the area" row is part of the table).
	 */
	static PublishedStatistics suppressed(OutreachStatistics joint, OutreachStatistics own, OutreachStatistics all,
			ShiftKind kind, Set<String> area) {
		SuppressedTable<String> table = StatisticsTable.build(joint, own, all, area).publish(true);
		OutreachStatistics chosen = kind == null ? all : kind == ShiftKind.JOINT ? joint : own;
		String slice = kind == null ? StatisticsTable.ALL
				: kind == ShiftKind.JOINT ? StatisticsTable.JOINT : StatisticsTable.OWN;
		StatisticsView jointView = StatisticsTable.view(table, joint, StatisticsTable.JOINT);
		return new PublishedStatistics(StatisticsTable.view(table, chosen, slice), () -> jointView, table,
				Set.copyOf(area));
	}

	/** The figures of the chosen kind (both kinds when none was chosen). */
	public StatisticsView figures() {
		return figures;
	}

	/** The figures of joint shifts: what the report sentence is about. */
	public StatisticsView joint() {
		if (jointFigures == null) {
			jointFigures = joint.get();
		}
		return jointFigures;
	}

	public boolean suppressed() {
		return table != null;
	}

	/** Whether every count is hidden: too few to protect with fewer hidden cells. */
	public boolean withheld() {
		return table != null && table.withheld();
	}

	/**
	 * Exposed people met whose home is a municipality outside {@code area} (the year's
	 * offer area).
	 */
	public Count outsideAreaExposed(Set<String> area) {
		return outside(area, "exposed");
	}

	/**
	 * Suspected buyers met whose home is a municipality outside {@code area} (the year's
	 * offer area).
	 */
	public Count outsideAreaBuyers(Set<String> area) {
		return outside(area, "buyers");
	}

	private Count outside(Set<String> area, String role) {
		if (table != null) {
			if (!this.area.equals(area)) {
				throw new IllegalArgumentException("The suppressed table was built for the year's offer area");
			}
			return table.get(StatisticsTable.outside(role));
		}
		if (figures.kind() != null) {
			throw new IllegalStateException("Homes outside the area are counted over both kinds of shift");
		}
		return Count.exact(figures.byHomeMunicipality()
			.stream()
			.filter(h -> !area.contains(h.code()) && !h.code().equals("abroad") && !h.code().equals("unknown"))
			.mapToLong(h -> (role.equals("exposed") ? h.exposed() : h.buyers()).value())
			.sum());
	}

}
