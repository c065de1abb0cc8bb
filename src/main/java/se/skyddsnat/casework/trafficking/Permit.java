package se.skyddsnat.casework.trafficking;

import java.time.LocalDate;

/**
 * An application to Migrationsverket for a reflection period or a temporary residence
 * permit: when it was sent, the decision and its date, and until when a granted permit is
 * valid.
 */
public record Permit(long id, PermitKind kind, LocalDate appliedOn, PermitDecision decision, LocalDate decidedOn,
		LocalDate validUntil) {

	public boolean decided() {
		return decision != null;
	}

	public boolean validOn(LocalDate day) {
		return decision == PermitDecision.GRANTED && !validUntil.isBefore(day);
	}
}
