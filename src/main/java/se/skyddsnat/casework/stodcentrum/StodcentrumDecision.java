package se.skyddsnat.casework.stodcentrum;

import java.time.LocalDate;

/**
 * The recorded choice after the support-talk limit: what, why (for continuing), after how
 * many talks, by whom.
 */
public record StodcentrumDecision(long id, long caseId, StodcentrumChoice choice, String reason, int talks,
		LocalDate decidedOn, String decidedBy) {
}
