package se.skyddsnat.outreach;

import se.skyddsnat.shared.Refused;

/**
 * The shift or encounter is voided already (perhaps by someone else a moment ago):
 * nothing changed.
 */
public class AlreadyVoided extends Refused {

	public AlreadyVoided() {
		super(409, "outreach.error.alreadyVoided");
	}

}
