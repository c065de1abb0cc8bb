package se.skyddsnat.outreach;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import se.skyddsnat.idempotency.IdempotencyKey;
import se.skyddsnat.shared.InvalidInput;

/** Outreach for API clients: the same rules, access checks and audit as the UI. */
@RestController
@RequestMapping("/api/v1/outreach")
@Tag(name = "outreach", description = "Shifts, encounters, statistics and the history import")
class OutreachApi {

    /** Rows of the statistics answer, in the order the README's contract names their fields. */
    record PoliceOperationJson(Object surveillance, Object raid) {
    }

    record ArenaJson(String arena, Object shifts, Object encounters) {
    }

    record WeekJson(java.time.LocalDate weekStart, Object jointShifts) {
    }

    /** The body of a recorded shift, for the OpenAPI document (read as a map: the parser reads it by column name). */
    record ShiftBody(String date, @com.fasterxml.jackson.annotation.JsonProperty("start_time") String startTime,
            @com.fasterxml.jackson.annotation.JsonProperty("end_time") String endTime, String kind,
            @com.fasterxml.jackson.annotation.JsonProperty("police_operation") String policeOperation, String arena,
            String municipality, List<String> units, String notes, List<EncounterBody> encounters) {
    }

    /** One person met, for the OpenAPI document. */
    record EncounterBody(String role, String gender, Integer age, String minor,
            @com.fasterxml.jackson.annotation.JsonProperty("home_municipality") String homeMunicipality,
            @com.fasterxml.jackson.annotation.JsonProperty("support_offered") Boolean supportOffered,
            @com.fasterxml.jackson.annotation.JsonProperty("offered_by") String offeredBy, String accepted) {
    }

    private final DefaultOutreachService outreach;
    private final MessageSource messages;

    OutreachApi(DefaultOutreachService outreach, MessageSource messages) {
        this.outreach = outreach;
        this.messages = messages;
    }

    @PostMapping("/shifts")
    @Operation(summary = "Record a shift with the people met (CASEWORKER or MANAGER of one of its units)",
            description = "Fields as in the import format: date, start_time, end_time, kind, police_operation, arena, "
                    + "municipality, units (array of unit codes), notes, and encounters: [{role, gender, age, minor, "
                    + "home_municipality, support_offered, offered_by, accepted}]. Bad input: 400 problem+json naming "
                    + "each field, e.g. encounters[1].age. With an Idempotency-Key a repeat returns the first response.")
    ResponseEntity<Map<String, Object>> record(@io.swagger.v3.oas.annotations.parameters.RequestBody(content =
            @io.swagger.v3.oas.annotations.media.Content(schema =
                    @io.swagger.v3.oas.annotations.media.Schema(implementation = ShiftBody.class)))
            @RequestBody Map<String, Object> body, IdempotencyKey key) {
        ShiftParser parser = outreach.parser();
        var violations = new ArrayList<InvalidInput.Violation>();
        var shift = parser.shift(column -> text(body.get(column)));
        shift.problems().forEach(p -> violations.add(new InvalidInput.Violation(p.column(), p.messageKey(), p.args())));
        var encounters = new ArrayList<NewEncounter>();
        List<?> people = body.get("encounters") instanceof List<?> list ? list : List.of();
        for (int i = 0; i < people.size(); i++) {
            Map<?, ?> person = people.get(i) instanceof Map<?, ?> m ? m : Map.of();
            var parsed = parser.encounter(column -> text(person.get(column)));
            int index = i;
            parsed.problems().forEach(p -> violations.add(new InvalidInput.Violation(
                    "encounters[" + index + "]." + p.column(), p.messageKey(), p.args())));
            if (parsed.ok()) {
                encounters.add(parsed.value());
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        NewShift s = shift.value();
        return key.once("shift.record", body, () -> {
            long id = outreach.record(new NewShift(null, s.date(), s.startTime(), s.endTime(), s.kind(),
                    s.policeOperation(), s.arena(), s.municipality(), s.units(), s.notes(), encounters));
            return ResponseEntity.created(URI.create("/api/v1/outreach/shifts/" + id)).body(Map.of("id", id));
        });
    }

    @GetMapping("/shifts/{id}")
    @Operation(summary = "A shift of one of the caller's units (404 for any other)")
    ShiftView shift(@PathVariable long id) {
        return outreach.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/shifts")
    @Operation(summary = "The newest shifts of the caller's units (counts only)")
    List<ShiftView.Summary> shifts(@RequestParam(defaultValue = "50") int limit) {
        return outreach.recent(Math.min(Math.max(limit, 1), 500));
    }

    @GetMapping("/statistics")
    @Operation(summary = "Figures for a period (both dates inclusive); COORDINATOR, MANAGER, ANALYST",
            description = "Returns shifts, shiftsByPoliceOperation {surveillance, raid}, encounters, exposed, "
                    + "exposedMinors, buyers, buyerMinors, other, otherMinors, offeredSupport, accepted, "
                    + "byHomeMunicipality [{code, name, exposed, buyers, other}] with entries for 'abroad' and "
                    + "'unknown', byArena [{arena, shifts, encounters}], jointShiftsPerWeek [{weekStart, jointShifts}] "
                    + "and weeklyTarget. Exact counts; with suppress=true every count from 1 to 4 is the string \"<5\" "
                    + "(primary suppression) and every count that would let one be worked out from the others is the "
                    + "string \"x\" (secondary suppression; always 5 or more). All kinds of the same period hide the "
                    + "same cells. Where the marks alone would give a small count away, a few counts (even a 0) are the "
                    + "string \"..\" (any count); withheld is then true. weeklyTarget is never hidden.")
    Map<String, Object> statistics(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) @Parameter(description = "joint or own; both when absent") String kind,
            @RequestParam(defaultValue = "false") boolean suppress) {
        ShiftKind k = null;
        if (kind != null && !kind.isBlank()) {
            k = Codes.parse(ShiftKind.class, kind).orElseThrow(() -> InvalidInput.of("kind", "outreach.error.oneOf",
                    "joint, own", kind));
        }
        StatisticsView s = outreach.publish(from, to, k, suppress).figures();
        var json = new LinkedHashMap<String, Object>();
        json.put("from", s.from());
        json.put("to", s.to());
        json.put("kind", k == null ? null : k.code());
        json.put("suppressed", suppress);
        json.put("withheld", s.withheld());
        json.put("shifts", s.shifts().json());
        json.put("jointShifts", s.jointShifts().json());
        json.put("ownShifts", s.ownShifts().json());
        json.put("shiftsByPoliceOperation", new PoliceOperationJson(s.surveillance().json(), s.raid().json()));
        json.put("encounters", s.encounters().json());
        json.put("exposed", s.exposed().json());
        json.put("exposedMinors", s.exposedMinors().json());
        json.put("buyers", s.buyers().json());
        json.put("buyerMinors", s.buyerMinors().json());
        json.put("other", s.other().json());
        json.put("otherMinors", s.otherMinors().json());
        json.put("offeredSupport", s.offeredSupport().json());
        json.put("accepted", s.accepted().json());
        json.put("byHomeMunicipality", s.byHomeMunicipality().stream().map(h -> {
            var row = new LinkedHashMap<String, Object>();
            row.put("code", h.code());
            row.put("name", h.name());
            row.put("exposed", h.exposed().json());
            row.put("buyers", h.buyers().json());
            row.put("other", h.other().json());
            return row;
        }).toList());
        json.put("byArena", s.byArena().stream().map(a -> new ArenaJson(a.arena().code(), a.shifts().json(),
                a.encounters().json())).toList());
        json.put("jointShiftsPerWeek", s.jointShiftsPerWeek().stream().map(w -> new WeekJson(w.weekStart(),
                w.jointShifts().json())).toList());
        json.put("weeklyTarget", s.weeklyTarget());
        return json;
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import history: parts 'shifts' and 'encounters' (CSV, see README); all or nothing",
            description = "ADMIN, COORDINATOR or MANAGER. With dryRun=true nothing is written. Any invalid row: 400 "
                    + "problem+json with errors [{file, line, column, message}] and nothing written.")
    ImportResult importHistory(@RequestPart("shifts") MultipartFile shifts,
            @RequestPart("encounters") MultipartFile encounters, @RequestParam(defaultValue = "false") boolean dryRun) {
        return outreach.importHistory(ImportFile.of(shifts), ImportFile.of(encounters), dryRun, null);
    }

    @ExceptionHandler(ImportRejected.class)
    ResponseEntity<ProblemDetail> rejected(ImportRejected e, HttpServletRequest request) {
        Locale locale = request.getHeader("Accept-Language") == null ? Locale.forLanguageTag("sv") : request.getLocale();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage("outreach.import.rejected", new Object[] { e.total() }, locale));
        problem.setTitle(messages.getMessage("problem.invalid.title", null, locale));
        problem.setProperty("errorCount", e.total());
        problem.setProperty("errors", e.errors().stream().map(err -> {
            var row = new LinkedHashMap<String, Object>();
            row.put("file", err.file());
            row.put("line", err.line());
            row.put("column", err.column());
            row.put("message", messages.getMessage(err.messageKey(), err.args(), err.messageKey(), locale));
            return row;
        }).toList());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** JSON values as the parser's text: arrays of unit codes joined by '|', booleans as yes/no. */
    private static String text(Object value) {
        return switch (value) {
            case null -> null;
            case Collection<?> c -> String.join("|", c.stream().map(String::valueOf).toList());
            case Boolean b -> b ? "yes" : "no";
            default -> String.valueOf(value);
        };
    }
}
