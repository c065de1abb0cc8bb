package se.skyddsnat.casework;

/**
 * A correction of a person's record as typed: every field anew ({@code person}; its unit
 * is ignored, a record stays with the unit that registered it) and the version the user's
 * form was made from, so that a second user's edit made in between is not overwritten
 * silently.
 */
public record PersonEdit(NewPerson person, String version) {
}
