package se.skyddsnat.casework.web;

import lombok.Getter;
import lombok.Setter;
import se.skyddsnat.casework.NewPerson;
import se.skyddsnat.casework.Person;
import se.skyddsnat.casework.PersonEdit;

/** The person form as typed. */
@Getter
@Setter
public class PersonForm {

	private String kind = "anonymous";

	private String personalNumber;

	private String name;

	private String alias;

	private String birthYear;

	private String ageBand;

	private String gender;

	private String phone;

	private String email;

	private String address;

	private String protection = "none";

	private String homeMunicipality;

	private String unit;

	private boolean confirmDuplicate;

	private Long encounterId;

	private String version;

	/** The form of a correction, filled with the record as it is. */
	static PersonForm of(Person p) {
		var f = new PersonForm();
		f.kind = p.identified() ? "identified" : "anonymous";
		f.personalNumber = p.personalNumber() == null ? null : p.personalNumber().formatted();
		f.name = p.name();
		f.alias = p.alias();
		f.birthYear = p.birthYear() == null ? null : p.birthYear().toString();
		f.ageBand = p.ageBand();
		f.gender = p.gender().code();
		f.phone = p.phone();
		f.email = p.email();
		f.address = p.address();
		f.protection = p.protection().code();
		f.homeMunicipality = p.homeMunicipality();
		f.unit = p.unit().value();
		f.version = Integer.toString(p.version());
		return f;
	}

	PersonEdit toEdit() {
		return new PersonEdit(toNewPerson(), version);
	}

	NewPerson toNewPerson() {
		return new NewPerson("identified".equals(kind), personalNumber, name, alias, birthYear, ageBand, gender, phone,
				email, address, protection, homeMunicipality, unit, confirmDuplicate);
	}

}
