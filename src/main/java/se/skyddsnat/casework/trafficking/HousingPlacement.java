package se.skyddsnat.casework.trafficking;

import java.time.LocalDate;

/**
 * A placement in protected housing (skyddat boende): from, to (open while it lasts) and
 * the provider.
 */
public record HousingPlacement(long id, LocalDate from, LocalDate to, String provider) {

	public boolean ongoingOn(LocalDate day) {
		return !from.isAfter(day) && (to == null || !to.isBefore(day));
	}
}
