package se.skyddsnat.casework.stodcentrum;

import se.skyddsnat.shared.Code;

/** How a Stödcentrum case goes on after the last of its support talks. */
public enum StodcentrumChoice implements Code {

	CLOSE,
	/** linking on to the ordinary social services */
	REFER_SOCIAL_SERVICES,
	/** linking on to child and adolescent psychiatry (BUP) */
	REFER_CHILD_PSYCHIATRY,
	/** more support talks, for a written reason */
	CONTINUE;

	public static StodcentrumChoice of(String code) {
		return Code.of(StodcentrumChoice.class, code);
	}

}
