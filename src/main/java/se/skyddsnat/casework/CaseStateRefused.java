package se.skyddsnat.casework;

import se.skyddsnat.shared.Refused;

/**
 * The case's state does not allow the change (closing a closed case, reopening an open
 * one): nothing changed.
 */
public class CaseStateRefused extends Refused {

	public CaseStateRefused(String messageKey) {
		super(409, messageKey);
	}

}
