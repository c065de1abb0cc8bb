package se.skyddsnat.region.nonjoined;

import java.time.LocalDate;

import se.skyddsnat.region.RegionalOfferStatus;
import se.skyddsnat.shared.MunicipalityCode;

/**
 * A municipality outside the regional offer today (not joined, or the sources do not
 * say), with its notices and the state of the dialogue with it.
 */
public record NonJoinedMunicipality(MunicipalityCode code, String name, RegionalOfferStatus status, long openNotices,
		long closedNotices, LocalDate lastContact, ContactStatus contactStatus) {

	/** Whether the municipality has been contacted within the last year. */
	public enum ContactStatus {

		RECENT, OVER_A_YEAR, NEVER

	}

	public boolean needsContact() {
		return contactStatus != ContactStatus.RECENT;
	}
}
