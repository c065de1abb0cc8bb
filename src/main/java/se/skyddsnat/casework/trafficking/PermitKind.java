package se.skyddsnat.casework.trafficking;

import se.skyddsnat.shared.Code;

/**
 * What a permit application to Migrationsverket is for: the reflection period
 * (betänketid) or a temporary residence permit.
 */
public enum PermitKind implements Code {

	REFLECTION_PERIOD, TEMPORARY_PERMIT;

	public static PermitKind of(String code) {
		return Code.of(PermitKind.class, code);
	}

}
