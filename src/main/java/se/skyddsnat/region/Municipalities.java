package se.skyddsnat.region;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import se.skyddsnat.shared.MunicipalityCode;

/** What the rest of the system asks about municipalities. */
public interface Municipalities {

	/** All municipalities, by code. */
	List<Municipality> all();

	/**
	 * All municipalities by name in Swedish order ("Botkyrka" … "Österåker"): for the
	 * lists a person picks from.
	 */
	default List<Municipality> byName() {
		var order = java.text.Collator.getInstance(java.util.Locale.of("sv", "SE"));
		return all().stream().sorted(java.util.Comparator.comparing(Municipality::name, order)).toList();
	}

	Optional<Municipality> find(MunicipalityCode code);

	/**
	 * "Had municipality M joined the regional offer on date D?", answered from its
	 * agreement history: HOST for the city that runs the units, JOINED when an agreement
	 * was in force that day, UNKNOWN when the sources cannot tell (before the known part
	 * of an agreement whose start is unknown), else NOT_JOINED.
	 */
	Optional<RegionalOfferStatus> offerStatusOn(MunicipalityCode code, LocalDate date);

	/**
	 * The same answers for many days, each municipality's agreement history read once,
	 * for as long as the caller keeps the function (an import of thousands of shifts asks
	 * the same few municipalities again and again).
	 */
	default BiFunction<MunicipalityCode, LocalDate, Optional<RegionalOfferStatus>> offerStatusBook() {
		return this::offerStatusOn;
	}

}
