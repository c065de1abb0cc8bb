package se.skyddsnat.region.agreement;

import java.time.LocalDate;
import java.util.Set;

/**
 * New services from a date: the open agreement ends the day before and one with
 * {@code services} starts on {@code from}. A date that was missing or unreadable is null,
 * for {@link Agreements#changeServices} to name.
 */
public record ServiceChange(LocalDate from, Set<OfferService> services) {

	public ServiceChange {
		services = services == null ? Set.of() : Set.copyOf(services);
	}
}
