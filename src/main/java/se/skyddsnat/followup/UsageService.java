package se.skyddsnat.followup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditDetails;
import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.audit.ReadPurpose;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.outreach.OutreachService;
import se.skyddsnat.outreach.PublishedStatistics;
import se.skyddsnat.outreach.StatisticsView;
import se.skyddsnat.region.Consultations;
import se.skyddsnat.region.CostSplitTable;
import se.skyddsnat.region.CostSplits;
import se.skyddsnat.region.Notices;
import se.skyddsnat.shared.Count;
import se.skyddsnat.shared.CountTable;
import se.skyddsnat.training.TrainingFigures;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.SuppressedTable;

/**
 * Puts the usage per municipality together from region's, outreach's and training's
 * public services. The outreach statistics roles (COORDINATOR, MANAGER, ANALYST) may read
 * it; an export is audited.
 */
@Service
class UsageService {

	private static final String ABROAD = "abroad";

	private static final String UNKNOWN = "unknown";

	private static final Count ZERO = Count.exact(0);

	private final OutreachService outreach;

	private final CostSplits costSplits;

	private final Consultations consultations;

	private final Notices notices;

	private final AuditLog audit;

	private final TrainingFigures training;

	UsageService(OutreachService outreach, CostSplits costSplits, Consultations consultations, Notices notices,
			AuditLog audit, TrainingFigures training) {
		this.training = training;
		this.outreach = outreach;
		this.costSplits = costSplits;
		this.consultations = consultations;
		this.notices = notices;
		this.audit = audit;
	}

	/**
	 * Refuses anyone without a role that reads the report, before anything else is looked
	 * at.
	 */
	void requireReader() {
		CurrentUser user = CurrentUser.require();
		if (!user.may(Permission.READ_STATISTICS)) {
			throw new AccessDeniedException("The usage report is for coordinators, managers and analysts");
		}
	}

	/**
	 * The period's usage (both dates inclusive), with the cost split of the year of
	 * {@code to}; with {@code suppress}, small counts and those that would reveal them
	 * are hidden. People met come from outreach's one suppressed table of the period (the
	 * same cells hidden as on the statistics page and in its API); consultations, notices
	 * and training participants, which no other output shows beside them, go through a
	 * table of their own.
	 */
	UsageFigures figures(LocalDate from, LocalDate to, boolean suppress) {
		requireReader();
		PublishedStatistics published = outreach.publish(from, to, null, suppress);
		StatisticsView met = published.figures();
		CostSplitTable split = costSplits.forYear(to.getYear(), null);
		Map<MunicipalityCode, Long> consulted = consultations.countByMunicipality(from, to);
		Map<MunicipalityCode, Notices.Counts> noticed = notices.countsByMunicipality(from, to);
		Map<String, Long> trained = training.attendedByMunicipality(from, to);

		Map<String, StatisticsView.HomeRow> homes = new HashMap<>();
		met.byHomeMunicipality().forEach(h -> homes.put(h.code(), h));
		Set<String> area = new HashSet<>();
		split.rows().forEach(r -> area.add(r.code().value()));

		// consultations and notices: the area's municipalities, the rest outside it, and
		// their sums
		var counts = new CountTable<String>();
		var consultationRows = new ArrayList<String>();
		var noticeRows = new ArrayList<String>();
		var trainedRows = new ArrayList<String>();
		for (CostSplitTable.Row r : split.rows()) {
			counts.count("t." + r.code().value(), trained.getOrDefault(r.code().value(), 0L));
			trainedRows.add("t." + r.code().value());
			counts.count("c." + r.code().value(), consulted.getOrDefault(r.code(), 0L));
			counts.count("n." + r.code().value(), total(noticed.get(r.code())));
			consultationRows.add("c." + r.code().value());
			noticeRows.add("n." + r.code().value());
		}
		long elsewhereConsulted = consulted.entrySet()
			.stream()
			.filter(e -> !area.contains(e.getKey().value()))
			.mapToLong(Map.Entry::getValue)
			.sum();
		long elsewhereNoticed = noticed.entrySet()
			.stream()
			.filter(e -> !area.contains(e.getKey().value()))
			.mapToLong(e -> total(e.getValue()))
			.sum();
		long elsewhereTrained = trained.entrySet()
			.stream()
			.filter(e -> !area.contains(e.getKey()))
			.mapToLong(Map.Entry::getValue)
			.sum();
		counts.count("t.elsewhere", elsewhereTrained);
		trainedRows.add("t.elsewhere");
		counts.count("t.sum", trained.values().stream().mapToLong(Long::longValue).sum()).sum("t.sum", trainedRows);
		counts.count("c.elsewhere", elsewhereConsulted).count("n.elsewhere", elsewhereNoticed);
		consultationRows.add("c.elsewhere");
		noticeRows.add("n.elsewhere");
		long consultedSum = consulted.values().stream().mapToLong(Long::longValue).sum();
		long noticedSum = noticed.values().stream().mapToLong(UsageService::total).sum();
		counts.count("c.sum", consultedSum).sum("c.sum", consultationRows);
		counts.count("n.sum", noticedSum).sum("n.sum", noticeRows);
		SuppressedTable<String> shown = counts.publish(suppress);

		var rows = new ArrayList<UsageFigures.Row>();
		for (CostSplitTable.Row r : split.rows()) {
			String code = r.code().value();
			var home = homes.get(code);
			rows.add(new UsageFigures.Row(UsageFigures.Kind.MUNICIPALITY, code, r.name(),
					home == null ? ZERO : home.exposed(), home == null ? ZERO : home.buyers(), shown.get("c." + code),
					shown.get("n." + code), shown.get("t." + code), r.share(), r.joined(), r.host()));
		}
		// what belongs to no municipality of the area still counts in the sum
		var elsewhere = new UsageFigures.Row(UsageFigures.Kind.ELSEWHERE, null, null,
				published.outsideAreaExposed(area), published.outsideAreaBuyers(area), shown.get("c.elsewhere"),
				shown.get("n.elsewhere"), shown.get("t.elsewhere"), null, false, false);
		if (Stream
			.of(elsewhere.exposed(), elsewhere.buyers(), elsewhere.consultations(), elsewhere.notices(),
					elsewhere.trained())
			.anyMatch(c -> !c.equals(ZERO))) {
			rows.add(elsewhere);
		}
		var abroad = homes.get(ABROAD);
		rows.add(new UsageFigures.Row(UsageFigures.Kind.ABROAD, ABROAD, null, abroad == null ? ZERO : abroad.exposed(),
				abroad == null ? ZERO : abroad.buyers(), null, null, null, null, false, false));
		var unknown = homes.get(UNKNOWN);
		rows.add(new UsageFigures.Row(UsageFigures.Kind.UNKNOWN, UNKNOWN, null,
				unknown == null ? ZERO : unknown.exposed(), unknown == null ? ZERO : unknown.buyers(), null, null, null,
				null, false, false));

		var sum = new UsageFigures.Row(UsageFigures.Kind.SUM, null, null, met.exposed(), met.buyers(),
				shown.get("c.sum"), shown.get("n.sum"), shown.get("t.sum"), split.sum(), false, false);
		return new UsageFigures(from, to, split.year(), split.total(), rows, sum,
				published.withheld() || shown.withheld());
	}

	/**
	 * The figures for a file that leaves the system: the same rules as {@link #figures},
	 * and the export is audited (period, format, whether small counts were suppressed; no
	 * personal data).
	 */
	@Transactional
	UsageFigures figuresForExport(LocalDate from, LocalDate to, String format, boolean suppress) {
		UsageFigures figures = figures(from, to, suppress);
		audit.record(AuditEvent.of(AuditKind.READ)
			.subject(AuditSubject.USAGE_REPORT, from + ".." + to)
			.purpose(ReadPurpose.EXPORT)
			.details(AuditDetails.of(suppress ? "usage.exportSuppressed" : "usage.export",
					format.toUpperCase(java.util.Locale.ROOT))));
		return figures;
	}

	private static long total(Notices.Counts counts) {
		return counts == null ? 0 : counts.open() + counts.closed();
	}

}
