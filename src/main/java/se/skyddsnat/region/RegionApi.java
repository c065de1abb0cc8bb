package se.skyddsnat.region;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "region", description = "Municipalities and the regional offer")
class RegionApi {

    record MunicipalityJson(String code, String name, String county, int population, int populationYear,
            String regionalOffer2022) {
    }

    private final Municipalities municipalities;

    RegionApi(Municipalities municipalities) {
        this.municipalities = municipalities;
    }

    @GetMapping("/municipalities")
    @Operation(summary = "The municipalities of the regional offer with population (and its year) and 2022 offer status "
            + "(host, joined, not_joined, unknown)")
    List<MunicipalityJson> municipalities() {
        return municipalities.all().stream().map(m -> new MunicipalityJson(m.code().value(), m.name(), m.county(),
                m.population(), m.populationYear(), m.regionalOffer2022().csvValue())).toList();
    }
}
