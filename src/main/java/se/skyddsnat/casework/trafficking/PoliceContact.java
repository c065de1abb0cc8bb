package se.skyddsnat.casework.trafficking;

import java.time.LocalDate;

/**
 * A police or prosecutor contact attended (interview, meeting, court hearing), with an
 * optional note.
 */
public record PoliceContact(long id, LocalDate date, PoliceContactKind kind, String note) {
}
