package se.skyddsnat.casework.trafficking;

/**
 * The form for linking to the home municipality: which one (or abroad), when contacted, a
 * note.
 */
public class HomeMunicipalityForm {

	private String municipality;

	private String contactedOn;

	private String note;

	TraffickingTracks.NewHomeMunicipalityLink command() {
		return new TraffickingTracks.NewHomeMunicipalityLink(municipality, contactedOn, note);
	}

	public String getMunicipality() {
		return municipality;
	}

	public void setMunicipality(String municipality) {
		this.municipality = municipality;
	}

	public String getContactedOn() {
		return contactedOn;
	}

	public void setContactedOn(String contactedOn) {
		this.contactedOn = contactedOn;
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}

}
