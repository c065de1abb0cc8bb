package se.skyddsnat.casework;

/**
 * A person to register, as typed (form or API). {@code identified}: personnummer and
 * name; otherwise an alias. {@code confirmDuplicate}: the user has seen the possible
 * duplicates and saves anyway.
 */
public record NewPerson(boolean identified, String personalNumber, String name, String alias, String birthYear,
		String ageBand, String gender, String phone, String email, String address, String protection,
		String homeMunicipality, String unit, boolean confirmDuplicate) {
}
