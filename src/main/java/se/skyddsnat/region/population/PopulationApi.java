package se.skyddsnat.region.population;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Loading a population table for API clients: the same rules as the page. */
@RestController
@Tag(name = "region", description = "Municipalities and the regional offer")
@RequiredArgsConstructor
class PopulationApi {

	/** The answer to a loaded table. */
	record Loaded(int year, int municipalities) {
	}

	private final PopulationTables population;

	@PostMapping(path = "/api/v1/region/population", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	@Operation(summary = "Load a population table for a year (ADMIN, COORDINATOR)",
			description = "Body: CSV with the header code;population, UTF-8 with or without BOM, ';' or ','. All or "
					+ "nothing: any bad line gives 400 problem+json with errors [{line, column, message}] and changes nothing.")
	Loaded load(@RequestParam int year, @RequestBody byte[] csv) {
		return new Loaded(year, population.load(year, csv));
	}

}
