package se.skyddsnat.outreach;

import java.time.LocalDate;

import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;

/**
 * A child (under 18) was met on a shift. The unit must contact the guardians and file a
 * report of concern with the social services of {@code reportTo} (the child's home
 * municipality, or where the child was met when home is not known). {@code historical}:
 * recorded long after the fact (an import of old shifts), so the follow-up is already
 * done outside the system. Carries no identity.
 */
public record MinorEncountered(long shiftId, long encounterId, LocalDate date, UnitCode unit, MunicipalityCode reportTo,
		boolean historical) {
}
