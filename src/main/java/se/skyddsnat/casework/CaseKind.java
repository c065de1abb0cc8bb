package se.skyddsnat.casework;

import se.skyddsnat.shared.Code;

/**
 * The kinds of case the units keep; each has a usual unit, but any unit may open any
 * kind.
 */
public enum CaseKind implements Code {

	MIKA_SUPPORT, KAST_COUNSELLING, TRAFFICKING, YOUTH, STODCENTRUM_SUPPORT, ACUTE;

	public static CaseKind of(String code) {
		return Code.of(CaseKind.class, code);
	}

}
