package se.skyddsnat.casework;

import java.time.LocalDate;
import java.util.List;

import se.skyddsnat.shared.UnitCode;

/**
 * A case (ärende) of a unit, with the people in it that the reader may see.
 * {@code handoverOnly}: the reader sees the case through an accepted referral, so only
 * the people it names and none of the case's records (journal, track, Stödcentrum,
 * consents) — see {@link CaseAccess}.
 */
public record CaseFile(long id, UnitCode unit, CaseKind kind, String responsible, boolean open, LocalDate openedOn,
		String reason, LocalDate closedOn, CaseOutcome outcome, Long encounterId, List<CasePerson> people,
		boolean handoverOnly) {

	/** The case closed on the day with its outcome; refused when it is closed already. */
	public CaseFile closed(LocalDate on, CaseOutcome how) {
		if (!open) {
			throw new CaseStateRefused("case.error.closed");
		}
		return new CaseFile(id, unit, kind, responsible, false, openedOn, reason, on, how, encounterId, people,
				handoverOnly);
	}

	/**
	 * The closed case open again (its closing day and outcome cleared); refused when it
	 * is open.
	 */
	public CaseFile reopened() {
		if (open) {
			throw new CaseStateRefused("case.error.notClosed");
		}
		return new CaseFile(id, unit, kind, responsible, true, openedOn, reason, null, null, encounterId, people,
				handoverOnly);
	}

	/**
	 * The open case with another responsible worker; refused for a closed case or the
	 * same worker.
	 */
	public CaseFile withResponsible(String username) {
		if (!open) {
			throw new CaseStateRefused("case.error.closed");
		}
		if (username.equals(responsible)) {
			throw new CaseStateRefused("case.error.sameResponsible");
		}
		return new CaseFile(id, unit, kind, username, open, openedOn, reason, closedOn, outcome, encounterId, people,
				handoverOnly);
	}

	/**
	 * The same case with the people in it that the reader may see, and whether the reader
	 * sees only a handover.
	 */
	public CaseFile with(List<CasePerson> people, boolean handoverOnly) {
		return new CaseFile(id, unit, kind, responsible, open, openedOn, reason, closedOn, outcome, encounterId,
				List.copyOf(people), handoverOnly);
	}
}
