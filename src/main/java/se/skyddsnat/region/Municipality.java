package se.skyddsnat.region;

import se.skyddsnat.shared.MunicipalityCode;

/**
 * A municipality with its latest known population and its status in the 2022 report of
 * the regional offer.
 */
public record Municipality(MunicipalityCode code, String name, String county, int population, int populationYear,
		RegionalOfferStatus regionalOffer2022) {
}
