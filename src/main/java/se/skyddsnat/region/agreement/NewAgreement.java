package se.skyddsnat.region.agreement;

import java.time.LocalDate;
import java.util.Set;

/**
 * An agreement to record, from {@code startsOn}; {@code endsOn} for a fixed term (null:
 * until further notice). A date that was missing or unreadable is null, for
 * {@link Agreements#start} to name on its field.
 */
public record NewAgreement(LocalDate startsOn, LocalDate endsOn, Set<OfferService> services, String note) {

	public NewAgreement {
		services = services == null ? Set.of() : Set.copyOf(services);
	}
}
