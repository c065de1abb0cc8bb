package se.skyddsnat.casework.trafficking;

import java.time.LocalDate;

/** A police or prosecutor contact attended (interview, meeting, court hearing), with an optional note. */
public record TrackContact(long id, LocalDate date, TrackContactKind kind, String note) {
}
