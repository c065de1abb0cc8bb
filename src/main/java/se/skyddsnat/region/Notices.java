package se.skyddsnat.region;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import se.skyddsnat.shared.MunicipalityCode;

/**
 * The notices to municipalities outside the offer whose residents were met on a shift
 * (one per municipality and shift, made from {@link NonJoinedResidentsMet} in the shift's
 * transaction), as other modules see them.
 */
public interface Notices {

	/** How many of a municipality's notices are open (not yet informed) and closed. */
	record Counts(long open, long closed) {
	}

	/**
	 * Open notices, oldest first, for the project leader's start page; empty for anyone
	 * who does not handle them.
	 */
	List<Notice> open();

	/**
	 * Open and closed notices per municipality for shifts in a period (both dates
	 * inclusive, by the shift's date); municipalities without notices in the period are
	 * absent. Counts carry no identities: for those who read the regional offer.
	 */
	Map<MunicipalityCode, Counts> countsByMunicipality(LocalDate from, LocalDate to);

}
