package se.skyddsnat.region.agreement;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import se.skyddsnat.region.Municipalities;
import se.skyddsnat.shared.MunicipalityCode;

/**
 * The municipalities, their agreements and "joined on D?" for API clients; open to every
 * caller with a token.
 */
@RestController
@RequestMapping("/api/v1/municipalities")
@Tag(name = "region", description = "Municipalities and the regional offer")
@RequiredArgsConstructor
class MunicipalityApi {

	record MunicipalityJson(String code, String name, String county, int population, int populationYear,
			String regionalOffer2022) {
	}

	record AgreementJson(long id, String startsOn, String knownFrom, String endsOn, List<String> services,
			String note) {
	}

	record OfferStatusJson(String code, LocalDate date, String status) {
	}

	private final Municipalities municipalities;

	private final Agreements agreements;

	@GetMapping
	@Operation(
			summary = "The municipalities of the regional offer with their latest population (and its year) and 2022 "
					+ "offer status (host, joined, not_joined, unknown)")
	List<MunicipalityJson> municipalities() {
		return municipalities.all()
			.stream()
			.map(m -> new MunicipalityJson(m.code().value(), m.name(), m.county(), m.population(), m.populationYear(),
					m.regionalOffer2022().csvValue()))
			.toList();
	}

	@GetMapping("/{code}/agreements")
	@Operation(
			summary = "A municipality's agreement history, oldest first. startsOn null: the start is unknown and the "
					+ "agreement is known to be in force from knownFrom. endsOn is the last day in force, null while it runs.")
	List<AgreementJson> agreements(@PathVariable String code) {
		return agreements.history(known(code))
			.stream()
			.map(a -> new AgreementJson(a.id(), str(a.startsOn()), str(a.knownFrom()), str(a.endsOn()),
					a.services().stream().map(Enum::name).toList(), a.note()))
			.toList();
	}

	@GetMapping("/{code}/offer-status")
	@Operation(
			summary = "Had the municipality joined the regional offer on the date? host, joined, not_joined or unknown")
	OfferStatusJson offerStatus(@PathVariable String code,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
		var status = municipalities.offerStatusOn(known(code), date).orElseThrow();
		return new OfferStatusJson(code, date, status.csvValue());
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
