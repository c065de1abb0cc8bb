package se.skyddsnat.followup;

/**
 * The usage page's choice of period and suppression, as typed (query parameters).
 * {@code suppress} is null on a first visit (no form sent: suppression is on) and false
 * when the form was sent without the box ticked: the form carries Spring's field marker
 * {@code _suppress}, which binds an absent checkbox as false.
 */
public class UsageForm {

	private String from;

	private String to;

	private Boolean suppress;

	public String getFrom() {
		return from;
	}

	public void setFrom(String from) {
		this.from = from;
	}

	public String getTo() {
		return to;
	}

	public void setTo(String to) {
		this.to = to;
	}

	public Boolean getSuppress() {
		return suppress;
	}

	public void setSuppress(Boolean suppress) {
		this.suppress = suppress;
	}

	/**
	 * Suppression unless explicitly turned off: the page is shown to other
	 * municipalities.
	 */
	public boolean suppressed() {
		return !Boolean.FALSE.equals(suppress);
	}

}
