package se.skyddsnat.casework;

import se.skyddsnat.shared.Refused;

/**
 * Someone else saved the person after the user's form was opened: nothing was written;
 * reload and edit again.
 */
public class PersonEditStale extends Refused {

	public PersonEditStale() {
		super(409, "person.error.stale");
	}

}
