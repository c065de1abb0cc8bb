package se.skyddsnat.region.costsplit;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import se.skyddsnat.region.CostSplitTable;
import se.skyddsnat.region.CostSplits;

/** The year's cost split for API clients. */
@RestController
@Tag(name = "region", description = "Municipalities and the regional offer")
@RequiredArgsConstructor
class CostSplitApi {

	record CostRowJson(String code, String name, long population, Integer populationYear, long share, boolean joined,
			boolean invoiced) {
	}

	record CostSplitJson(int year, long total, List<CostRowJson> rows) {
	}

	private final CostSplits costSplits;

	@GetMapping("/api/v1/region/cost-split")
	@Operation(summary = "The year's cost split by population (COORDINATOR, ADMIN, MANAGER, ANALYST)",
			description = "rows: [{code, name, population, populationYear, share, joined, invoiced}], share in whole kronor; "
					+ "sum(share) == total exactly (largest remainders, ties to the lower code). total overrides the "
					+ "year's recorded cost.")
	CostSplitJson costSplit(@RequestParam int year, @RequestParam(required = false) Long total) {
		CostSplitTable table = costSplits.forYear(year, total);
		return new CostSplitJson(table.year(), table.total(),
				table.rows()
					.stream()
					.map(r -> new CostRowJson(r.code().value(), r.name(), r.population(), r.populationYear(), r.share(),
							r.joined(), r.invoiced()))
					.toList());
	}

}
