package se.skyddsnat.casework;

import se.skyddsnat.shared.Code;

/** A person's part in a case. */
public enum CaseRole implements Code {

	EXPOSED, BUYER, RELATIVE, CHILD;

	public static CaseRole of(String code) {
		return Code.of(CaseRole.class, code);
	}

}
