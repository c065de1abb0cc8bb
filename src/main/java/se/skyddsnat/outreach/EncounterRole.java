package se.skyddsnat.outreach;

/**
 * The role of a person met, exposed in prostitution, suspected buyer of sex, or other
 * (order matters for counting). CSV and JSON use the lower-case name.
 */
public enum EncounterRole {

	EXPOSED, BUYER, OTHER;

	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return Codes.of(this);
	}

}
