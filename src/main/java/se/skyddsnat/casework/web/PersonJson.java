package se.skyddsnat.casework.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.boot.jackson.JacksonComponent;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

import se.skyddsnat.casework.Person;

/**
 * A person as the API shows it (masked by the service where protected). Also how a
 * {@link Person} is written wherever one stands in a JSON answer — the possible
 * duplicates of a 409 — so that there is one shape of a person, with every field (null
 * where empty) also inside a problem+json, which leaves its own empty members out.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record PersonJson(long id, String personalNumber, String name, String alias, Integer birthYear, String ageBand,
		String gender, String protection, String homeMunicipality, String unit, String phone, String email,
		String address, int version) {

	static PersonJson of(Person p) {
		return new PersonJson(p.id(), p.personalNumber() == null ? null : p.personalNumber().formatted(), p.name(),
				p.alias(), p.birthYear(), p.ageBand(), p.gender().code(), p.protection().code(), p.homeMunicipality(),
				p.unit().value(), p.phone(), p.email(), p.address(), p.version());
	}

	/** Writes a {@link Person} as its {@link PersonJson}. */
	@JacksonComponent
	static class Writer extends ValueSerializer<Person> {

		@Override
		public void serialize(Person person, JsonGenerator json, SerializationContext context) {
			json.writePOJO(of(person));
		}

	}
}
