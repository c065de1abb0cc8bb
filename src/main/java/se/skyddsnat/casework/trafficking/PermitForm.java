package se.skyddsnat.casework.trafficking;

/**
 * The form for an application to Migrationsverket, and for its decision (decision,
 * decidedOn, validUntil).
 */
public class PermitForm {

	private String kind;

	private String appliedOn;

	private String decision;

	private String decidedOn;

	private String validUntil;

	TraffickingTracks.NewPermit command() {
		return new TraffickingTracks.NewPermit(kind, appliedOn, decision, decidedOn, validUntil);
	}

	TraffickingTracks.NewPermitDecision decision() {
		return new TraffickingTracks.NewPermitDecision(decision, decidedOn, validUntil);
	}

	public String getKind() {
		return kind;
	}

	public void setKind(String kind) {
		this.kind = kind;
	}

	public String getAppliedOn() {
		return appliedOn;
	}

	public void setAppliedOn(String appliedOn) {
		this.appliedOn = appliedOn;
	}

	public String getDecision() {
		return decision;
	}

	public void setDecision(String decision) {
		this.decision = decision;
	}

	public String getDecidedOn() {
		return decidedOn;
	}

	public void setDecidedOn(String decidedOn) {
		this.decidedOn = decidedOn;
	}

	public String getValidUntil() {
		return validUntil;
	}

	public void setValidUntil(String validUntil) {
		this.validUntil = validUntil;
	}

}
