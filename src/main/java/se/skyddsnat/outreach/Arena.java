package se.skyddsnat.outreach;

/**
 * Where the shift took place; an apartment brothel is APARTMENT. CSV and JSON use the
 * lower-case name.
 */
public enum Arena {

	STREET, APARTMENT, HOTEL, SEX_CLUB, ONLINE, OTHER;

	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return Codes.of(this);
	}

}
