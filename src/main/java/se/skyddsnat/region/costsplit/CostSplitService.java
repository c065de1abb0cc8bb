package se.skyddsnat.region.costsplit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditDetails;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.audit.AuditSubject;
import se.skyddsnat.identity.CurrentUser;
import se.skyddsnat.identity.Permission;
import se.skyddsnat.region.CostSplitTable;
import se.skyddsnat.region.CostSplits;
import se.skyddsnat.region.Municipalities;
import se.skyddsnat.region.Municipality;
import se.skyddsnat.region.RegionalOfferStatus;
import se.skyddsnat.region.agreement.Agreements;
import se.skyddsnat.region.population.PopulationTables;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;

/**
 * The yearly cost split of the regional offer over the year's offer area: the
 * municipalities of the host city's county, plus those a COORDINATOR adds for the year
 * (Gotland). COORDINATOR, ADMIN, MANAGER and ANALYST read; COORDINATOR and ADMIN set the
 * year's cost, positions and additions.
 */
@Service
@RequiredArgsConstructor
class CostSplitService implements CostSplits {

	private final CostSplitStore store;

	private final Municipalities municipalities;

	private final Agreements agreements;

	private final PopulationTables population;

	private final RegionProperties defaults;

	private final AuditLog audit;

	@Override
	public CostSplitTable forYear(int year, Long total) {
		CurrentUser.require(Permission.READ_REGIONAL_OFFER);
		requireYear(year);
		if (total != null && total < 0) {
			throw InvalidInput.of("total", "costsplit.error.total");
		}
		var recorded = store.cost(year);
		YearCost cost = recorded.orElseGet(() -> new YearCost(defaults.defaultTotal(), defaults.defaultMikaPositions(),
				defaults.defaultKastPositions(), defaults.defaultCoordinatorPositions()));
		long yearTotal = total != null ? total : cost.total();

		List<Municipality> all = municipalities.all();
		String hostCounty = all.stream()
			.filter(m -> m.regionalOffer2022() == RegionalOfferStatus.HOST)
			.map(Municipality::county)
			.findFirst()
			.orElse("Stockholms län");
		Set<String> added = store.additions(year);
		List<Municipality> area = all.stream()
			.filter(m -> m.county().equals(hostCounty) || added.contains(m.code().value()))
			.toList();
		List<Municipality> addable = all.stream().filter(m -> !m.county().equals(hostCounty)).toList();
		return new CostSplitTable(year, yearTotal, recorded.isPresent() && total == null, cost.mikaPositions(),
				cost.kastPositions(), cost.coordinatorPositions(), rows(year, yearTotal, area, added), addable);
	}

	/** The area's rows: population, share of it, cost, joined during the year. */
	private List<CostSplitTable.Row> rows(int year, long total, List<Municipality> area, Set<String> added) {
		Map<MunicipalityCode, PopulationTables.Figure> figures = population.forYear(year);
		Set<MunicipalityCode> joined = agreements.joinedDuring(area, year);
		var parts = area.stream()
			.map(m -> new CostSplit.Part(m.code().value(),
					figures.containsKey(m.code()) ? figures.get(m.code()).population() : 0))
			.toList();
		var shares = CostSplit.split(total, parts);
		long populationSum = parts.stream().mapToLong(CostSplit.Part::population).sum();
		var rows = new ArrayList<CostSplitTable.Row>();
		for (int i = 0; i < area.size(); i++) {
			Municipality m = area.get(i);
			var figure = figures.get(m.code());
			long people = shares.get(i).population();
			BigDecimal percent = populationSum == 0 ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(people * 100L)
				.divide(BigDecimal.valueOf(populationSum), 2, RoundingMode.HALF_UP);
			boolean host = m.regionalOffer2022() == RegionalOfferStatus.HOST;
			rows.add(new CostSplitTable.Row(m.code(), m.name(), people, figure == null ? null : figure.year(), percent,
					shares.get(i).kronor(), !host && joined.contains(m.code()), host,
					added.contains(m.code().value())));
		}
		return rows;
	}

	/**
	 * Records the year's cost and positions. Fields in errors: total, mikaPositions,
	 * kastPositions, coordinatorPositions.
	 */
	@Transactional
	public void setCost(int year, YearCost cost) {
		CurrentUser user = CurrentUser.require(Permission.MANAGE_REGIONAL_OFFER);
		requireYear(year);
		var in = Input.of();
		if (cost.total() == null || cost.total() < 0) {
			in.reject("total", "costsplit.error.total");
		}
		checkPositions("mikaPositions", cost.mikaPositions(), in);
		checkPositions("kastPositions", cost.kastPositions(), in);
		checkPositions("coordinatorPositions", cost.coordinatorPositions(), in);
		in.check();
		store.saveCost(year, cost.total(), cost.mikaPositions(), cost.kastPositions(), cost.coordinatorPositions(),
				user.username());
		audit.change(AuditSubject.COST_YEAR, year, AuditDetails.of("costYear.saved", cost.total(), cost.mikaPositions(),
				cost.kastPositions(), cost.coordinatorPositions()));
	}

	/**
	 * The municipalities outside the host county that take part in the year's offer area.
	 */
	@Transactional
	public void setAdditions(int year, Set<MunicipalityCode> codes) {
		CurrentUser user = CurrentUser.require(Permission.MANAGE_REGIONAL_OFFER);
		requireYear(year);
		if (codes.stream().anyMatch(code -> municipalities.find(code).isEmpty())) {
			throw InvalidInput.of("added", "costsplit.error.municipality");
		}
		store.replaceAdditions(year, codes, user.username());
		audit.change(AuditSubject.COST_AREA, year, AuditDetails.of("costArea.saved",
				String.join(", ", codes.stream().map(MunicipalityCode::value).sorted().toList())));
	}

	/** The years the tables take (CHECK year BETWEEN 1900 AND 2200). */
	private static void requireYear(int year) {
		if (year < 1900 || year > 2200) {
			throw InvalidInput.of("year", "costsplit.error.year");
		}
	}

	/** Positions: 0 to 999, at most one decimal. */
	private static void checkPositions(String field, BigDecimal value, Input in) {
		if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.valueOf(999)) > 0
				|| value.stripTrailingZeros().scale() > 1) {
			in.reject(field, "costsplit.error.positions");
		}
	}

}
