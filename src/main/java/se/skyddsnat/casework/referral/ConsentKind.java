package se.skyddsnat.casework.referral;

import se.skyddsnat.shared.Code;

/** How a person gave consent to have their data passed on. */
public enum ConsentKind implements Code {

	WRITTEN, ORAL;

	public static ConsentKind of(String code) {
		return Code.of(ConsentKind.class, code);
	}

}
