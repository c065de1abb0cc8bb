package se.skyddsnat.region.population;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import se.skyddsnat.shared.CsvTable;
import se.skyddsnat.shared.FirstErrors;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.audit.AuditSubject;

/**
 * Population tables by year, loaded from CSV ({@code code;population}, a header row, UTF-8 with or without
 * BOM, {@code ;} or {@code ,}). All or nothing; every bad line is reported. A table may cover only some
 * municipalities; earlier years are kept, and loading a year again replaces the figures it names.
 */
@Service
public class PopulationTables {

    /** A population table is read whole: a county's is a few kilobytes, so this is generous. */
    static final int MAX_BYTES = 2 * 1024 * 1024;

    /** One loaded year: how many municipalities it covers and their sum. */
    public record YearSummary(int year, int municipalities, long total) {
    }

    /** A municipality's figure for a year, or its latest earlier one ({@code year} says which). */
    public record Figure(MunicipalityCode code, int year, int population) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    PopulationTables(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Loads the table for a year; returns the number of municipalities it covered. ADMIN or COORDINATOR. */
    @Transactional
    public int load(int year, byte[] csv) {
        CurrentUser user = CurrentUser.require();
        if (!user.may(Permission.MANAGE_REGIONAL_OFFER)) {
            throw new AccessDeniedException("Population tables are loaded by ADMIN or COORDINATOR");
        }
        int thisYear = LocalDate.now(clock).getYear();
        if (year < 1900 || year > thisYear) {
            throw new PopulationRejected(List.of(new PopulationRejected.Problem(0, "year", "population.error.year",
                    thisYear)));
        }
        if (csv.length > MAX_BYTES) {
            throw new PopulationRejected(List.of(new PopulationRejected.Problem(0, "file", "population.error.tooLarge",
                    MAX_BYTES / (1024 * 1024) + " MB")));
        }
        var problems = new FirstErrors<PopulationRejected.Problem>(
                Comparator.comparingInt(PopulationRejected.Problem::line));
        CsvTable table;
        try {
            table = CsvTable.parse(csv);
        } catch (CsvTable.Unreadable e) {
            throw new PopulationRejected(List.of(new PopulationRejected.Problem(e.line(), "", "population.error.unreadable")));
        }
        if (!table.header().equals(List.of("code", "population"))) {
            throw new PopulationRejected(List.of(new PopulationRejected.Problem(1, "", "population.error.header",
                    Input.echo(String.join(";", table.header())))));
        }
        Set<String> known = jdbc.sql("SELECT code FROM region.municipalities").query(String.class).set();
        var seen = new HashSet<String>();
        var figures = new LinkedHashMap<String, Integer>();
        for (CsvTable.Row row : table.rows()) {
            String code = row.get("code");
            String value = row.get("population").replace(" ", "").replace("\u00A0", "").replace("\u202F", "");
            if (!MunicipalityCode.isValid(code) || !known.contains(code)) {
                problems.add(new PopulationRejected.Problem(row.line(), "code", "population.error.code",
                        Input.echo(code)));
            } else if (!seen.add(code)) {
                problems.add(new PopulationRejected.Problem(row.line(), "code", "population.error.twice", code));
            }
            Long read = Input.readWhole(value);
            Integer population = read == null || read > Integer.MAX_VALUE || read < Integer.MIN_VALUE ? null
                    : read.intValue();
            if (population == null) {
                problems.add(new PopulationRejected.Problem(row.line(), "population", "population.error.number",
                        Input.echo(value)));
            }
            if (population != null && population < 0) {
                problems.add(new PopulationRejected.Problem(row.line(), "population", "population.error.negative",
                        Input.echo(value)));
            }
            if (population != null && population >= 0) {
                figures.put(code, population);
            }
        }
        if (table.rows().isEmpty()) {
            problems.add(new PopulationRejected.Problem(2, "", "population.error.empty"));
        }
        if (!problems.isEmpty()) {
            throw new PopulationRejected(problems.first(), problems.total());
        }
        String by = user.username();
        for (var e : figures.entrySet()) {
            jdbc.sql("""
                    INSERT INTO region.population (municipality, year, population, loaded_by) VALUES (?, ?, ?, ?)
                    ON CONFLICT (municipality, year) DO UPDATE SET population = excluded.population,
                           loaded_by = excluded.loaded_by, loaded_at = now()""")
                    .params(e.getKey(), year, e.getValue(), by).update();
        }
        audit.change(AuditSubject.POPULATION_TABLE, year, figures.size() + " municipalities");
        return figures.size();
    }

    /** Loaded years, newest first. */
    public List<YearSummary> years() {
        return jdbc.sql("""
                SELECT year, count(*) AS n, sum(population) AS total FROM region.population
                 GROUP BY year ORDER BY year DESC""")
                .query((rs, n) -> new YearSummary(rs.getInt("year"), rs.getInt("n"), rs.getLong("total"))).list();
    }

    /**
     * Each municipality's figure for the year; where the year is missing, its latest earlier figure, and
     * where there is none, its earliest later one ({@link Figure#year()} tells which, so the row can be flagged).
     */
    public Map<MunicipalityCode, Figure> forYear(int year) {
        return jdbc.sql("""
                SELECT DISTINCT ON (municipality) municipality, year, population FROM region.population
                 ORDER BY municipality, (year <= :year) DESC, CASE WHEN year <= :year THEN -year ELSE year END""")
                .param("year", year)
                .query((rs, n) -> new Figure(MunicipalityCode.of(rs.getString("municipality")), rs.getInt("year"),
                        rs.getInt("population")))
                .list().stream().collect(Collectors.toMap(Figure::code, f -> f, (a, b) -> a, LinkedHashMap::new));
    }
}
