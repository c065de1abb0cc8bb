package se.skyddsnat.outreach;

/** Gender as recorded in the field. CSV and JSON use the lower-case name. */
public enum Gender {

	FEMALE, MALE, OTHER, UNKNOWN;

	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return Codes.of(this);
	}

}
