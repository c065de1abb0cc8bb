package se.skyddsnat.casework.trafficking;

/** The form for a protected housing placement, and for ending one (only {@code to}). */
public class HousingForm {

	private String from;

	private String to;

	private String provider;

	TraffickingTracks.NewHousing command() {
		return new TraffickingTracks.NewHousing(from, to, provider);
	}

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

	public String getProvider() {
		return provider;
	}

	public void setProvider(String provider) {
		this.provider = provider;
	}

}
