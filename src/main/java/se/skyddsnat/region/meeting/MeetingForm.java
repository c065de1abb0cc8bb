package se.skyddsnat.region.meeting;

import java.util.ArrayList;
import java.util.List;

import se.skyddsnat.shared.Input;

/**
 * A meeting as typed in the form: date, kind, the municipalities that took part
 * (checkboxes), decisions.
 */
public class MeetingForm {

	private String date;

	private String kind;

	private List<String> municipalities = new ArrayList<>();

	private String decisions;

	public String getDate() {
		return date;
	}

	public void setDate(String v) {
		date = v;
	}

	public String getKind() {
		return kind;
	}

	public void setKind(String v) {
		kind = v;
	}

	public List<String> getMunicipalities() {
		return municipalities;
	}

	public void setMunicipalities(List<String> v) {
		municipalities = v == null ? new ArrayList<>() : v;
	}

	public String getDecisions() {
		return decisions;
	}

	public void setDecisions(String v) {
		decisions = v;
	}

	/**
	 * The meeting as typed; an unreadable code goes on as null, for the service to name
	 * on the field.
	 */
	NewMeeting meeting() {
		return new NewMeeting(Input.readDate(date), Input.codeOf(MeetingKind.class, kind),
				municipalities.stream().map(Input::readMunicipality).toList(), decisions);
	}

}
