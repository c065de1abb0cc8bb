package se.skyddsnat.casework.referral;

import java.util.ArrayList;
import java.util.List;

/** The new-referral form as typed. */
public class ReferralForm {

	private String targetKind;

	private String unit;

	private String municipality;

	private String recipientName;

	private String summary;

	private List<Long> personIds = new ArrayList<>();

	Referrals.NewReferral toNewReferral() {
		return new Referrals.NewReferral(targetKind, unit, municipality, recipientName, summary, personIds);
	}

	public String getTargetKind() {
		return targetKind;
	}

	public void setTargetKind(String v) {
		targetKind = v;
	}

	public String getUnit() {
		return unit;
	}

	public void setUnit(String v) {
		unit = v;
	}

	public String getMunicipality() {
		return municipality;
	}

	public void setMunicipality(String v) {
		municipality = v;
	}

	public String getRecipientName() {
		return recipientName;
	}

	public void setRecipientName(String v) {
		recipientName = v;
	}

	public String getSummary() {
		return summary;
	}

	public void setSummary(String v) {
		summary = v;
	}

	public List<Long> getPersonIds() {
		return personIds;
	}

	public void setPersonIds(List<Long> v) {
		personIds = v == null ? new ArrayList<>() : v;
	}

}
