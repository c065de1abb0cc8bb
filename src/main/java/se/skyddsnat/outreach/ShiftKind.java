package se.skyddsnat.outreach;

/**
 * Own outreach, or a joint shift with the police (samverkanspass). CSV and JSON use the
 * lower-case name.
 */
public enum ShiftKind {

	JOINT, OWN;

	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return Codes.of(this);
	}

}
