package se.skyddsnat.outreach;

/**
 * The statistics page's choice of period, kind and suppression, as typed (query
 * parameters).
 */
public class StatisticsForm {

	private String from;

	private String to;

	private String kind;

	private boolean suppress;

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

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public boolean isSuppress() {
		return suppress;
	}

	public void setSuppress(boolean suppress) {
		this.suppress = suppress;
	}

}
