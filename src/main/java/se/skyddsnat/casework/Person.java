package se.skyddsnat.casework;

import se.skyddsnat.outreach.Gender;
import se.skyddsnat.shared.PersonalNumber;
import se.skyddsnat.shared.UnitCode;

/**
 * A person as stored. Pages and the API show a protected person through {@link #masked()}
 * unless the user has asked to see the identity (which is logged).
 */
public record Person(long id, PersonalNumber personalNumber, String name, String alias, Integer birthYear,
		String ageBand, Gender gender, String phone, String email, String address, Protection protection,
		String homeMunicipality, UnitCode unit, int version) {

	public boolean identified() {
		return personalNumber != null;
	}

	public boolean protectedIdentity() {
		return protection != Protection.NONE;
	}

	/**
	 * The same person with name, number and contact details removed: for lists, search
	 * hits and exports.
	 */
	public Person masked() {
		if (!protectedIdentity()) {
			return this;
		}
		return new Person(id, null, null, alias, birthYear, ageBand, gender, null, null, null, protection, null, unit,
				version);
	}
}
