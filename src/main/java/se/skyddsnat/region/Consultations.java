package se.skyddsnat.region;

import java.time.LocalDate;
import java.util.Map;

import se.skyddsnat.shared.MunicipalityCode;

/**
 * Consultations in individual cases that the units give to professionals of the
 * municipalities (part of the regional offer), as other modules may count them: no client
 * data is ever stored.
 */
public interface Consultations {

	/**
	 * The number of consultations per municipality in a period (both dates inclusive),
	 * over all units; every municipality is in the map, those without consultations with
	 * 0. Any role may ask: it is an aggregate.
	 */
	Map<MunicipalityCode, Long> countByMunicipality(LocalDate from, LocalDate to);

}
