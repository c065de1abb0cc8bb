package se.skyddsnat.casework;

import java.time.Instant;

/**
 * One corrected field of a person, as the person page shows it: the field's name
 * ({@code person.field.<field>}), the old and new value, who changed it and when.
 * {@code hidden}: the values belong to a protected identity that the reader has not asked
 * to see; they are left out.
 */
public record PersonChange(int version, String field, String oldValue, String newValue, String changedBy,
		Instant changedAt, boolean hidden) {
}
