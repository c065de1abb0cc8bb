package se.skyddsnat.region.consultation;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.skyddsnat.idempotency.IdempotencyKey;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;

/** Consultations for API clients: the same rules and access checks as the form. */
@RestController
@RequestMapping("/api/v1/region/consultations")
@Tag(name = "region", description = "Municipalities and the regional offer")
@RequiredArgsConstructor
class ConsultationApi {

	record ConsultationJson(long id, LocalDate date, String municipality, String municipalityName, String unit,
			String channel, String topic, int minutes) {

		static ConsultationJson of(Consultation c) {
			return new ConsultationJson(c.id(), c.date(), c.municipality().value(), c.municipalityName(),
					c.unit().value(), c.channel().code(), c.topic().code(), c.minutes());
		}
	}

	/**
	 * The body of a consultation. Each value is read as text (a number or a string
	 * alike), so that a wrong one is named with its field's own message, as in the form.
	 */
	record ConsultationBody(
			@Schema(types = "string", format = "date", description = "YYYY-MM-DD, not in the future") String date,
			@Schema(description = "a four-digit municipality code", example = "0126") String municipality,
			@Schema(description = "a unit code of the caller's", example = "MIKA") String unit,
			@Schema(allowableValues = {
					"phone", "digital", "in_person" }) String channel,
			@Schema(allowableValues = { "trafficking_suspicion", "minor", "buyer", "other" }) String topic,
			@Schema(types = "integer", minimum = "1", maximum = "600") String minutes){

		NewConsultation consultation() {
			return NewConsultation.read(date, municipality, unit, channel, topic, minutes);
		}
	}

	/** The id of what was created. */
	record Created(long id) {
	}

	private final ConsultationService consultations;

	private final Clock clock;

	@PostMapping
	@Operation(
			summary = "Log a consultation in an individual case for one of the caller's units "
					+ "(CASEWORKER, MANAGER or COORDINATOR who is a member of the unit)",
			description = "JSON {date (YYYY-MM-DD, not in the future), municipality (four-digit code), unit (unit code), "
					+ "channel (phone, digital, in_person), topic (trafficking_suspicion, minor, buyer, other), "
					+ "minutes (1–600)}. No client data: there is no free-text field. 201 with the id; bad input: "
					+ "400 problem+json naming each field; a unit the caller is not a member of: 403.")
	ResponseEntity<Created> log(@RequestBody ConsultationBody body, IdempotencyKey key) {
		return key.once("consultation.log", body, () -> {
			long id = consultations.log(body.consultation());
			return ResponseEntity.created(URI.create("/api/v1/region/consultations/" + id)).body(new Created(id));
		});
	}

	@GetMapping
	@Operation(summary = "Consultations in a period (both dates inclusive; default: this year so far), newest first",
			description = "All consultations for COORDINATOR, ADMIN, MANAGER and ANALYST; those of the caller's "
					+ "units for a CASEWORKER.")
	List<ConsultationJson> list(@RequestParam(required = false) @Parameter(description = "YYYY-MM-DD") String from,
			@RequestParam(required = false) @Parameter(description = "YYYY-MM-DD") String to, @RequestParam(
					required = false) @Parameter(description = "a four-digit municipality code") String municipality) {
		LocalDate today = LocalDate.now(clock);
		MunicipalityCode m = municipality == null ? null : Input.readMunicipality(municipality);
		if (municipality != null && m == null) {
			throw InvalidInput.of("municipality", "consultation.error.municipality");
		}
		return consultations
			.list(from == null ? today.withDayOfYear(1) : Input.readDate(from), to == null ? today : Input.readDate(to),
					m)
			.stream()
			.map(ConsultationJson::of)
			.toList();
	}

}
