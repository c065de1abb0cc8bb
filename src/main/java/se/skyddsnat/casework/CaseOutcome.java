package se.skyddsnat.casework;

import se.skyddsnat.shared.Code;

/**
 * How a case ended. Not every outcome fits every kind of case: "has left prostitution" is
 * for the kinds that support people exposed in prostitution (not KAST's counselling of
 * buyers, not Stödcentrum's young victims of crime), "returned home" for trafficking,
 * youth and acute cases.
 */
public enum CaseOutcome implements Code {

	LEFT_PROSTITUTION(CaseKind.MIKA_SUPPORT, CaseKind.TRAFFICKING, CaseKind.YOUTH, CaseKind.ACUTE),
	RETURNED_HOME(CaseKind.TRAFFICKING, CaseKind.YOUTH, CaseKind.ACUTE), REFERRED_ON(CaseKind.values()),
	NO_FURTHER_CONTACT(CaseKind.values()), OTHER(CaseKind.values());

	private final java.util.Set<CaseKind> kinds;

	CaseOutcome(CaseKind... kinds) {
		this.kinds = java.util.Set.of(kinds);
	}

	/** Whether the outcome fits a case of this kind. */
	public boolean fits(CaseKind kind) {
		return kinds.contains(kind);
	}

	/** The outcomes a case of this kind may end with, in order. */
	public static java.util.List<CaseOutcome> forKind(CaseKind kind) {
		return java.util.Arrays.stream(values()).filter(o -> o.fits(kind)).toList();
	}

	public static CaseOutcome of(String code) {
		return Code.of(CaseOutcome.class, code);
	}

}
