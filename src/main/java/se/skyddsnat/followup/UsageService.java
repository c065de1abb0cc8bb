package se.skyddsnat.followup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.outreach.OutreachService;
import se.skyddsnat.outreach.OutreachStatistics;
import se.skyddsnat.region.Consultations;
import se.skyddsnat.region.CostSplitTable;
import se.skyddsnat.region.CostSplits;
import se.skyddsnat.region.Notices;
import se.skyddsnat.shared.MunicipalityCode;

/**
 * Puts the usage per municipality together from region's and outreach's public services. The outreach
 * statistics roles (COORDINATOR, MANAGER, ANALYST) may read it; an export is audited.
 */
@Service
class UsageService {

    private static final Set<Role> READERS = EnumSet.of(Role.COORDINATOR, Role.MANAGER, Role.ANALYST);
    private static final String ABROAD = "abroad";
    private static final String UNKNOWN = "unknown";

    private final OutreachService outreach;
    private final CostSplits costSplits;
    private final Consultations consultations;
    private final Notices notices;
    private final AuditLog audit;

    UsageService(OutreachService outreach, CostSplits costSplits, Consultations consultations, Notices notices,
            AuditLog audit) {
        this.outreach = outreach;
        this.costSplits = costSplits;
        this.consultations = consultations;
        this.notices = notices;
        this.audit = audit;
    }

    /** Refuses anyone without a role that reads the report, before anything else is looked at. */
    void requireReader() {
        CurrentUser user = CurrentUser.require();
        if (READERS.stream().noneMatch(user::hasRole)) {
            throw new AccessDeniedException("The usage report is for coordinators, managers and analysts");
        }
    }

    /** The period's usage (both dates inclusive), with the cost split of the year of {@code to}. */
    UsageFigures figures(LocalDate from, LocalDate to) {
        requireReader();
        OutreachStatistics met = outreach.statistics(from, to, null);
        CostSplitTable split = costSplits.forYear(to.getYear(), null);
        Map<MunicipalityCode, Long> consulted = consultations.countByMunicipality(from, to);
        Map<MunicipalityCode, Notices.Counts> noticed = notices.countsByMunicipality(from, to);

        Map<String, OutreachStatistics.HomeRow> homes = new HashMap<>();
        met.byHomeMunicipality().forEach(h -> homes.put(h.code(), h));

        var rows = new ArrayList<UsageFigures.Row>();
        Set<String> area = new HashSet<>();
        for (CostSplitTable.Row r : split.rows()) {
            String code = r.code().value();
            area.add(code);
            var home = homes.get(code);
            rows.add(new UsageFigures.Row(UsageFigures.Kind.MUNICIPALITY, code, r.name(),
                    home == null ? 0 : home.exposed(), home == null ? 0 : home.buyers(),
                    consulted.getOrDefault(r.code(), 0L), total(noticed.get(r.code())), r.share(), r.joined(),
                    r.host()));
        }

        // what belongs to no municipality of the area still counts in the sum
        long elsewhereExposed = 0;
        long elsewhereBuyers = 0;
        for (var home : met.byHomeMunicipality()) {
            if (!area.contains(home.code()) && !ABROAD.equals(home.code()) && !UNKNOWN.equals(home.code())) {
                elsewhereExposed += home.exposed();
                elsewhereBuyers += home.buyers();
            }
        }
        long elsewhereConsulted = consulted.entrySet().stream().filter(e -> !area.contains(e.getKey().value()))
                .mapToLong(Map.Entry::getValue).sum();
        long elsewhereNoticed = noticed.entrySet().stream().filter(e -> !area.contains(e.getKey().value()))
                .mapToLong(e -> total(e.getValue())).sum();
        if (elsewhereExposed + elsewhereBuyers + elsewhereConsulted + elsewhereNoticed > 0) {
            rows.add(new UsageFigures.Row(UsageFigures.Kind.ELSEWHERE, null, null, elsewhereExposed, elsewhereBuyers,
                    elsewhereConsulted, elsewhereNoticed, null, false, false));
        }
        var abroad = homes.get(ABROAD);
        rows.add(new UsageFigures.Row(UsageFigures.Kind.ABROAD, ABROAD, null, abroad == null ? 0 : abroad.exposed(),
                abroad == null ? 0 : abroad.buyers(), null, null, null, false, false));
        var unknown = homes.get(UNKNOWN);
        rows.add(new UsageFigures.Row(UsageFigures.Kind.UNKNOWN, UNKNOWN, null,
                unknown == null ? 0 : unknown.exposed(), unknown == null ? 0 : unknown.buyers(), null, null, null,
                false, false));

        var sum = new UsageFigures.Row(UsageFigures.Kind.SUM, null, null,
                rows.stream().mapToLong(UsageFigures.Row::exposed).sum(),
                rows.stream().mapToLong(UsageFigures.Row::buyers).sum(),
                rows.stream().filter(r -> r.consultations() != null).mapToLong(UsageFigures.Row::consultations).sum(),
                rows.stream().filter(r -> r.notices() != null).mapToLong(UsageFigures.Row::notices).sum(),
                split.sum(), false, false);
        return new UsageFigures(from, to, split.year(), split.total(), rows, sum);
    }

    /**
     * The figures for a file that leaves the system: the same rules as {@link #figures}, and the export is
     * audited (period, format, whether small counts were suppressed; no personal data).
     */
    @Transactional
    UsageFigures figuresForExport(LocalDate from, LocalDate to, String format, boolean suppress) {
        UsageFigures figures = figures(from, to);
        audit.record(AuditEvent.of(AuditKind.READ).subject("usage-report", from + ".." + to).purpose("export")
                .details("format=" + format + " suppress=" + suppress));
        return figures;
    }

    private static long total(Notices.Counts counts) {
        return counts == null ? 0 : counts.open() + counts.closed();
    }
}
