package se.skyddsnat.casework.extract;

import java.time.Instant;
import java.util.List;

/**
 * Everything held about one person, as the extract shows it: sections of entries, each
 * entry a list of labelled values, and the secrecy considerations for the official who
 * hands it out.
 *
 * @param sections in the extract's order; a section with no entries says so
 * @param considerations message keys with their arguments: what must be tried for secrecy
 * before disclosure
 */
record RegisterExtract(String personalNumber, Instant producedAt, String producedBy, List<Section> sections,
		List<Note> considerations) {

	/**
	 * A part of the extract (e.g. the cases), its title's message key and its entries.
	 */
	record Section(String titleKey, List<Entry> entries) {
	}

	/**
	 * One record: a heading and its fields; {@code notes} are secrecy considerations
	 * about this record.
	 */
	record Entry(Note heading, List<Field> fields, List<Note> notes) {
	}

	/** A labelled value; {@code labelKey} is a message key. */
	record Field(String labelKey, String value) {
	}

	/** A message key and its arguments. */
	record Note(String key, List<Object> args) {
		static Note of(String key, Object... args) {
			return new Note(key, List.of(args));
		}
	}
}
