package se.skyddsnat.casework.trafficking;

import se.skyddsnat.shared.Code;

/** A police or prosecutor contact that the worker attended with the person. */
public enum PoliceContactKind implements Code {

	POLICE_INTERVIEW, PROSECUTOR_MEETING, COURT_HEARING, OTHER;

	public static PoliceContactKind of(String code) {
		return Code.of(PoliceContactKind.class, code);
	}

}
