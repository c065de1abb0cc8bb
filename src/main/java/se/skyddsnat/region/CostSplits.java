package se.skyddsnat.region;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Role;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.region.agreement.Agreement;
import se.skyddsnat.region.agreement.AgreementHistory;
import se.skyddsnat.region.agreement.Agreements;
import se.skyddsnat.region.costsplit.CostSplit;
import se.skyddsnat.region.costsplit.RegionProperties;
import se.skyddsnat.region.population.PopulationTables;

/**
 * The yearly cost split of the regional offer over the year's offer area: the municipalities of the host
 * city's county, plus those a COORDINATOR adds for the year (Gotland). COORDINATOR, ADMIN, MANAGER and
 * ANALYST read; COORDINATOR and ADMIN set the year's cost, positions and additions.
 */
@Service
public class CostSplits {

    private final JdbcClient jdbc;
    private final Municipalities municipalities;
    private final Agreements agreements;
    private final PopulationTables population;
    private final RegionProperties defaults;
    private final AuditLog audit;

    CostSplits(JdbcClient jdbc, Municipalities municipalities, Agreements agreements, PopulationTables population,
            RegionProperties defaults, AuditLog audit) {
        this.jdbc = jdbc;
        this.municipalities = municipalities;
        this.agreements = agreements;
        this.population = population;
        this.defaults = defaults;
        this.audit = audit;
    }

    /** The split for a year; {@code total} overrides the year's cost (a what-if), null for the recorded one. */
    public CostSplitTable forYear(int year, Long total) {
        requireReader();
        requireYear(year);
        if (total != null && total < 0) {
            throw InvalidInput.of("total", "costsplit.error.total");
        }
        var cost = jdbc.sql("SELECT * FROM region.cost_years WHERE year = ?").param(year).query().listOfRows();
        boolean set = !cost.isEmpty();
        long yearTotal = total != null ? total : set ? ((Number) cost.getFirst().get("total")).longValue()
                : defaults.defaultTotal();
        BigDecimal mika = set ? (BigDecimal) cost.getFirst().get("mika_positions") : defaults.defaultMikaPositions();
        BigDecimal kast = set ? (BigDecimal) cost.getFirst().get("kast_positions") : defaults.defaultKastPositions();
        BigDecimal coord = set ? (BigDecimal) cost.getFirst().get("coord_positions")
                : defaults.defaultCoordinatorPositions();

        List<Municipality> all = municipalities.all();
        String hostCounty = all.stream().filter(m -> m.regionalOffer2022() == RegionalOfferStatus.HOST)
                .map(Municipality::county).findFirst().orElse("Stockholms län");
        Set<String> added = additions(year);
        List<Municipality> area = all.stream()
                .filter(m -> m.county().equals(hostCounty) || added.contains(m.code().value())).toList();
        Map<MunicipalityCode, PopulationTables.Figure> figures = population.forYear(year);
        Map<MunicipalityCode, List<Agreement>> history = agreements.all().stream()
                .collect(Collectors.groupingBy(Agreement::municipality));

        var parts = area.stream().map(m -> new CostSplit.Part(m.code().value(),
                figures.containsKey(m.code()) ? figures.get(m.code()).population() : 0)).toList();
        var shares = CostSplit.split(yearTotal, parts);
        long populationSum = parts.stream().mapToLong(CostSplit.Part::population).sum();
        var rows = new ArrayList<CostSplitTable.Row>();
        for (int i = 0; i < area.size(); i++) {
            Municipality m = area.get(i);
            var figure = figures.get(m.code());
            long people = shares.get(i).population();
            BigDecimal percent = populationSum == 0 ? BigDecimal.ZERO.setScale(2)
                    : BigDecimal.valueOf(people * 100L).divide(BigDecimal.valueOf(populationSum), 2, RoundingMode.HALF_UP);
            boolean host = m.regionalOffer2022() == RegionalOfferStatus.HOST;
            rows.add(new CostSplitTable.Row(m.code(), m.name(), people, figure == null ? null : figure.year(), percent,
                    shares.get(i).kronor(),
                    !host && AgreementHistory.joinedDuring(m.regionalOffer2022(), history.getOrDefault(m.code(), List.of()), year),
                    host, added.contains(m.code().value())));
        }
        List<Municipality> addable = all.stream().filter(m -> !m.county().equals(hostCounty)).toList();
        return new CostSplitTable(year, yearTotal, set && total == null, mika, kast, coord, rows, addable);
    }

    /** Records the year's cost and positions. */
    @Transactional
    public void setCost(int year, Long total, BigDecimal mika, BigDecimal kast, BigDecimal coordinators) {
        requireChanger();
        requireYear(year);
        var errors = new ArrayList<InvalidInput.Violation>();
        if (total == null || total < 0) {
            errors.add(new InvalidInput.Violation("total", "costsplit.error.total"));
        }
        checkPositions("mikaPositions", mika, errors);
        checkPositions("kastPositions", kast, errors);
        checkPositions("coordinatorPositions", coordinators, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        jdbc.sql("""
                INSERT INTO region.cost_years (year, total, mika_positions, kast_positions, coord_positions, changed_by)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (year) DO UPDATE SET total = excluded.total, mika_positions = excluded.mika_positions,
                       kast_positions = excluded.kast_positions, coord_positions = excluded.coord_positions,
                       changed_by = excluded.changed_by, changed_at = now()""")
                .params(year, total, mika, kast, coordinators, CurrentUser.require().username()).update();
        audit.change(AuditSubject.COST_YEAR, year, "total " + total + " positions " + mika + "/" + kast + "/"
                + coordinators);
    }

    /** The municipalities outside the host county that take part in the year's offer area. */
    @Transactional
    public void setAdditions(int year, Set<MunicipalityCode> codes) {
        requireChanger();
        requireYear(year);
        for (MunicipalityCode code : codes) {
            if (municipalities.find(code).isEmpty()) {
                throw InvalidInput.of("added", "costsplit.error.municipality");
            }
        }
        jdbc.sql("DELETE FROM region.cost_area_additions WHERE year = ?").param(year).update();
        for (MunicipalityCode code : codes) {
            jdbc.sql("INSERT INTO region.cost_area_additions (year, municipality, added_by) VALUES (?, ?, ?)")
                    .params(year, code.value(), CurrentUser.require().username()).update();
        }
        audit.change(AuditSubject.COST_AREA, year, "additions " + codes);
    }

    private Set<String> additions(int year) {
        return jdbc.sql("SELECT municipality FROM region.cost_area_additions WHERE year = ?").param(year)
                .query(String.class).set();
    }

    /** The years the tables take (CHECK year BETWEEN 1900 AND 2200). */
    private static void requireYear(int year) {
        if (year < 1900 || year > 2200) {
            throw InvalidInput.of("year", "costsplit.error.year");
        }
    }

    private static void checkPositions(String field, BigDecimal value, List<InvalidInput.Violation> errors) {
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.valueOf(999)) > 0
                || value.stripTrailingZeros().scale() > 1) {
            errors.add(new InvalidInput.Violation(field, "costsplit.error.positions"));
        }
    }

    public static void requireReader() {
        CurrentUser user = CurrentUser.require();
        if (!user.may(Permission.READ_REGIONAL_OFFER)) {
            throw new AccessDeniedException("The cost split is for COORDINATOR, ADMIN, MANAGER and ANALYST");
        }
    }

    private static void requireChanger() {
        Agreements.requireChanger();
    }
}
