package se.skyddsnat.region.agreement;

/**
 * What an agreement gives the municipality's residents: the units of the regional offer.
 */
public enum OfferService {

	MIKA, KAST, COORDINATORS

}
