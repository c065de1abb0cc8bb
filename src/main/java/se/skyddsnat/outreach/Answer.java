package se.skyddsnat.outreach;

/**
 * Yes, no or not known (minor, accepted support). CSV and JSON use the lower-case name.
 */
public enum Answer {

	YES, NO, UNKNOWN;

	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return Codes.of(this);
	}

}
