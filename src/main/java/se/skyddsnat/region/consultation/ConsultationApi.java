package se.skyddsnat.region.consultation;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.skyddsnat.idempotency.IdempotencyKey;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.region.Consultations;

/** Consultations for API clients: the same rules and access checks as the form. */
@RestController
@RequestMapping("/api/v1/region/consultations")
@Tag(name = "region", description = "Municipalities and the regional offer")
class ConsultationApi {

    record ConsultationJson(long id, LocalDate date, String municipality, String municipalityName, String unit,
            String channel, String topic, int minutes) {

        static ConsultationJson of(Consultation c) {
            return new ConsultationJson(c.id(), c.date(), c.municipality().value(), c.municipalityName(),
                    c.unit().value(), c.channel().code(), c.topic().code(), c.minutes());
        }
    }

    /** The body of a consultation, for the OpenAPI document (read as a map, each value as text). */
    record ConsultationBody(LocalDate date, String municipality, String unit, String channel, String topic,
            Integer minutes) {
    }

    private final Consultations consultations;
    private final Clock clock;

    ConsultationApi(Consultations consultations, Clock clock) {
        this.consultations = consultations;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Log a consultation in an individual case for one of the caller's units "
            + "(CASEWORKER, MANAGER or COORDINATOR who is a member of the unit)",
            description = "JSON {date (YYYY-MM-DD, not in the future), municipality (four-digit code), unit (unit code), "
                    + "channel (phone, digital, in_person), topic (trafficking_suspicion, minor, buyer, other), "
                    + "minutes (1–600)}. No client data: there is no free-text field. 201 with the id; bad input: "
                    + "400 problem+json naming each field; a unit the caller is not a member of: 403.")
    ResponseEntity<Map<String, Object>> log(@io.swagger.v3.oas.annotations.parameters.RequestBody(content =
            @io.swagger.v3.oas.annotations.media.Content(schema =
                    @io.swagger.v3.oas.annotations.media.Schema(implementation = ConsultationBody.class)))
            @RequestBody Map<String, Object> body, IdempotencyKey key) {
        var form = new ConsultationForm();
        form.setDate(text(body.get("date")));
        form.setMunicipality(text(body.get("municipality")));
        form.setUnit(text(body.get("unit")));
        form.setChannel(text(body.get("channel")));
        form.setTopic(text(body.get("topic")));
        form.setMinutes(text(body.get("minutes")));
        return key.once("consultation.log", body, () -> {
            long id = form.logWith(consultations);
            return ResponseEntity.created(URI.create("/api/v1/region/consultations/" + id)).body(Map.of("id", id));
        });
    }

    @GetMapping
    @Operation(summary = "Consultations in a period (both dates inclusive; default: this year so far), newest first",
            description = "All consultations for COORDINATOR, ADMIN, MANAGER and ANALYST; those of the caller's "
                    + "units for a CASEWORKER.")
    List<ConsultationJson> list(
            @RequestParam(required = false) @Parameter(description = "YYYY-MM-DD") String from,
            @RequestParam(required = false) @Parameter(description = "YYYY-MM-DD") String to,
            @RequestParam(required = false) @Parameter(description = "a four-digit municipality code") String municipality) {
        LocalDate today = LocalDate.now(clock);
        LocalDate f = from == null ? today.withDayOfYear(1) : se.skyddsnat.shared.Input.readDate(from);
        LocalDate t = to == null ? today : se.skyddsnat.shared.Input.readDate(to);
        if (municipality != null && !MunicipalityCode.isValid(municipality)) {
            throw InvalidInput.of("municipality", "consultation.error.municipality");
        }
        return consultations.list(f, t, municipality == null ? null : MunicipalityCode.of(municipality)).stream()
                .map(ConsultationJson::of).toList();
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
