package se.skyddsnat.casework.trafficking;

import se.skyddsnat.shared.Code;

/** Migrationsverket's decision on a permit application. */
public enum PermitDecision implements Code {

	GRANTED, REFUSED;

	public static PermitDecision of(String code) {
		return Code.of(PermitDecision.class, code);
	}

}
