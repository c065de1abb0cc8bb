package se.skyddsnat.casework.trafficking;

import java.time.LocalDate;

/**
 * Linking to the person's home municipality: its SCB code (or {@code abroad}) with its
 * name, when it was contacted and a note.
 */
public record HomeMunicipalityLink(long id, String municipality, String municipalityName, LocalDate contactedOn,
		String note) {

	public static final String ABROAD = "abroad";

	public boolean abroad() {
		return ABROAD.equals(municipality);
	}
}
