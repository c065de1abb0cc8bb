package se.skyddsnat.region;

import java.time.LocalDate;

import se.skyddsnat.shared.MunicipalityCode;

/**
 * Residents of a municipality that had not joined the regional offer on {@code date} were
 * met on a shift (published by outreach, one per municipality per shift). Region turns it
 * into a notice for the project leader: inform the municipality (counts only, never
 * identities) and remind it of the offer.
 */
public record NonJoinedResidentsMet(long shiftId, LocalDate date, MunicipalityCode municipality, int exposed,
		int buyers, int other, boolean historical) {
}
