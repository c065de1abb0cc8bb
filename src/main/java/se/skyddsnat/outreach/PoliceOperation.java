package se.skyddsnat.outreach;

/**
 * The police operation of a joint shift, surveillance (spaning) or raid (tillslag). CSV
 * and JSON use the lower-case name.
 */
public enum PoliceOperation {

	SURVEILLANCE, RAID;

	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return Codes.of(this);
	}

}
