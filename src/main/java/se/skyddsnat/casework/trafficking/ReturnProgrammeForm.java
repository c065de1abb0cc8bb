package se.skyddsnat.casework.trafficking;

/**
 * The forms of IOM's return programme: the application (appliedOn, returnDate), the
 * return date, the follow-up done.
 */
public class ReturnProgrammeForm {

	private String appliedOn;

	private String returnDate;

	private String followUpDoneOn;

	TraffickingTracks.NewReturn command() {
		return new TraffickingTracks.NewReturn(appliedOn, returnDate);
	}

	public String getAppliedOn() {
		return appliedOn;
	}

	public void setAppliedOn(String appliedOn) {
		this.appliedOn = appliedOn;
	}

	public String getReturnDate() {
		return returnDate;
	}

	public void setReturnDate(String returnDate) {
		this.returnDate = returnDate;
	}

	public String getFollowUpDoneOn() {
		return followUpDoneOn;
	}

	public void setFollowUpDoneOn(String followUpDoneOn) {
		this.followUpDoneOn = followUpDoneOn;
	}

}
