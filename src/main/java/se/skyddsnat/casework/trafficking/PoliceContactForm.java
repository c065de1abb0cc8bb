package se.skyddsnat.casework.trafficking;

/** The form for a police or prosecutor contact attended. */
public class PoliceContactForm {

	private String date;

	private String kind;

	private String note;

	TraffickingTracks.NewPoliceContact command() {
		return new TraffickingTracks.NewPoliceContact(date, kind, note);
	}

	public String getDate() {
		return date;
	}

	public void setDate(String date) {
		this.date = date;
	}

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getNote() {
		return note;
	}

	public void setNote(String note) {
		this.note = note;
	}

}
