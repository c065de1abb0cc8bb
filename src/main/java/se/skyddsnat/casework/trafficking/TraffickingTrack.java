package se.skyddsnat.casework.trafficking;

import java.util.List;

import se.skyddsnat.casework.CaseKind;

/**
 * The trafficking track of a case, newest first in each list: protected housing, permits,
 * police and prosecutor contacts, IOM's return programme, and links to the home
 * municipality. {@code editable}: the reader works in the case's own unit, the only one
 * that records.
 */
public record TraffickingTrack(long caseId, CaseKind caseKind, boolean editable, List<HousingPlacement> housing,
		List<Permit> permits, List<PoliceContact> contacts, List<ReturnProgramme> returns,
		List<HomeMunicipalityLink> homeLinks) {

	public boolean hasRecords() {
		return !(housing.isEmpty() && permits.isEmpty() && contacts.isEmpty() && returns.isEmpty()
				&& homeLinks.isEmpty());
	}

	/**
	 * The newest application, which supersedes the older ones; null when there is none.
	 */
	public Permit latestPermit() {
		return permits.isEmpty() ? null : permits.getFirst();
	}

	/** The newest granted permit still valid on the day; null when none. */
	public Permit validPermit(java.time.LocalDate day) {
		return permits.stream().filter(p -> p.validOn(day)).findFirst().orElse(null);
	}

	/**
	 * The placement that runs on the day (the latest begun, if several); null when none.
	 */
	public HousingPlacement currentHousing(java.time.LocalDate day) {
		return housing.stream().filter(h -> h.ongoingOn(day)).findFirst().orElse(null);
	}

	public ReturnProgramme latestReturn() {
		return returns.isEmpty() ? null : returns.getFirst();
	}

	public Permit permit(long id) {
		return permits.stream().filter(p -> p.id() == id).findFirst().orElse(null);
	}

	public HousingPlacement placement(long id) {
		return housing.stream().filter(h -> h.id() == id).findFirst().orElse(null);
	}

	public ReturnProgramme returnProgramme(long id) {
		return returns.stream().filter(r -> r.id() == id).findFirst().orElse(null);
	}
}
