package se.skyddsnat.casework;

/**
 * A person in a case, with the part they have in it (masked when the identity is
 * protected).
 */
public record CasePerson(Person person, CaseRole role) {
}
