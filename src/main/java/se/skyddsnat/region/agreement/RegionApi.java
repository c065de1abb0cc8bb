package se.skyddsnat.region.agreement;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.region.CostSplitTable;
import se.skyddsnat.region.CostSplits;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.population.PopulationRejected;
import se.skyddsnat.region.population.PopulationTables;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "region", description = "Municipalities and the regional offer")
class RegionApi {

    record MunicipalityJson(String code, String name, String county, int population, int populationYear,
            String regionalOffer2022) {
    }

    record AgreementJson(long id, String startsOn, String knownFrom, String endsOn, List<String> services, String note) {
    }

    record CostRowJson(String code, String name, long population, Integer populationYear, long share, boolean joined,
            boolean invoiced) {
    }

    record CostSplitJson(int year, long total, List<CostRowJson> rows) {
    }

    private final Municipalities municipalities;
    private final Agreements agreements;
    private final PopulationTables population;
    private final CostSplits costSplits;
    private final MessageSource messages;

    RegionApi(Municipalities municipalities, Agreements agreements, PopulationTables population, CostSplits costSplits,
            MessageSource messages) {
        this.municipalities = municipalities;
        this.agreements = agreements;
        this.population = population;
        this.costSplits = costSplits;
        this.messages = messages;
    }

    @GetMapping("/municipalities")
    @Operation(summary = "The municipalities of the regional offer with their latest population (and its year) and 2022 "
            + "offer status (host, joined, not_joined, unknown)")
    List<MunicipalityJson> municipalities() {
        return municipalities.all().stream().map(m -> new MunicipalityJson(m.code().value(), m.name(), m.county(),
                m.population(), m.populationYear(), m.regionalOffer2022().csvValue())).toList();
    }

    @GetMapping("/municipalities/{code}/agreements")
    @Operation(summary = "A municipality's agreement history, oldest first. startsOn null: the start is unknown and the "
            + "agreement is known to be in force from knownFrom. endsOn is the last day in force, null while it runs.")
    List<AgreementJson> agreements(@PathVariable String code) {
        return agreements.history(known(code)).stream().map(a -> new AgreementJson(a.id(), str(a.startsOn()),
                str(a.knownFrom()), str(a.endsOn()), a.services().stream().map(Enum::name).toList(), a.note())).toList();
    }

    @GetMapping("/municipalities/{code}/offer-status")
    @Operation(summary = "Had the municipality joined the regional offer on the date? host, joined, not_joined or unknown")
    Map<String, String> offerStatus(@PathVariable String code,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        var status = municipalities.offerStatusOn(known(code), date).orElseThrow();
        return Map.of("code", code, "date", date.toString(), "status", status.csvValue());
    }

    @PostMapping(path = "/region/population", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
    @Operation(summary = "Load a population table for a year (ADMIN, COORDINATOR)",
            description = "Body: CSV with the header code;population, UTF-8 with or without BOM, ';' or ','. All or "
                    + "nothing: any bad line gives 400 problem+json with errors [{line, column, message}] and changes nothing.")
    Map<String, Object> loadPopulation(@RequestParam int year, @RequestBody byte[] csv) {
        int n = population.load(year, csv);
        var json = new LinkedHashMap<String, Object>();
        json.put("year", year);
        json.put("municipalities", n);
        return json;
    }

    @GetMapping("/region/cost-split")
    @Operation(summary = "The year's cost split by population (COORDINATOR, ADMIN, MANAGER, ANALYST)",
            description = "rows: [{code, name, population, populationYear, share, joined, invoiced}], share in whole kronor; "
                    + "sum(share) == total exactly (largest remainders, ties to the lower code). total overrides the "
                    + "year's recorded cost.")
    CostSplitJson costSplit(@RequestParam int year, @RequestParam(required = false) Long total) {
        CostSplitTable table = costSplits.forYear(year, total);
        return new CostSplitJson(table.year(), table.total(), table.rows().stream()
                .map(r -> new CostRowJson(r.code().value(), r.name(), r.population(), r.populationYear(), r.share(),
                        r.joined(), r.invoiced()))
                .toList());
    }

    @ExceptionHandler(PopulationRejected.class)
    ResponseEntity<ProblemDetail> rejected(PopulationRejected e, HttpServletRequest request) {
        Locale locale = request.getHeader("Accept-Language") == null ? Locale.forLanguageTag("sv") : request.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("population.rejected", new Object[] { e.total() }, locale));
        problem.setTitle(messages.getMessage("problem.invalid.title", null, locale));
        problem.setProperty("errorCount", e.total());
        problem.setProperty("errors", e.problems().stream().map(p -> {
            var row = new LinkedHashMap<String, Object>();
            row.put("line", p.line());
            row.put("column", p.column());
            row.put("message", messages.getMessage(p.messageKey(), p.args(), p.messageKey(), locale));
            return row;
        }).toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private MunicipalityCode known(String code) {
        if (!MunicipalityCode.isValid(code) || municipalities.find(MunicipalityCode.of(code)).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return MunicipalityCode.of(code);
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
