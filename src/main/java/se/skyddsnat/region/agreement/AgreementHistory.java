package se.skyddsnat.region.agreement;

import java.time.LocalDate;
import java.util.List;

import se.skyddsnat.region.RegionalOfferStatus;

/**
 * The one answer to "had municipality M joined on date D?", from its agreement history.
 * The host city is always HOST. Not knowing is said as UNKNOWN, never guessed: before the
 * known part of an agreement whose start is unknown, and for a municipality the sources
 * do not place (Danderyd in 2022) outside its agreements.
 */
final class AgreementHistory {

	private AgreementHistory() {
	}

	static RegionalOfferStatus statusOn(RegionalOfferStatus reference, List<Agreement> agreements, LocalDate date) {
		if (reference == RegionalOfferStatus.HOST) {
			return RegionalOfferStatus.HOST;
		}
		if (agreements.stream().anyMatch(a -> a.inForceOn(date))) {
			return RegionalOfferStatus.JOINED;
		}
		if (agreements.stream().anyMatch(a -> a.possiblyInForceOn(date))) {
			return RegionalOfferStatus.UNKNOWN;
		}
		return reference == RegionalOfferStatus.UNKNOWN ? RegionalOfferStatus.UNKNOWN : RegionalOfferStatus.NOT_JOINED;
	}

	/** Joined (or host) on at least one day of the year: the cost split's "invoiced". */
	static boolean joinedDuring(RegionalOfferStatus reference, List<Agreement> agreements, int year) {
		return reference == RegionalOfferStatus.HOST || agreements.stream().anyMatch(a -> a.inForceDuring(year));
	}

}
