package se.skyddsnat.casework.journal;

import java.util.Set;

/**
 * A journal entry as typed (every field optional while it is a draft).
 * {@code closeRelationsViolence}: "yes", "no" or empty. Stödcentrum cases only:
 * {@code satisfaction} (1–5) and {@code closeRelationsViolence}.
 */
public record JournalInput(String date, String kind, String channel, String minutes, String note, String satisfaction,
		String closeRelationsViolence) {

	/**
	 * The same input without the named fields: what can be kept of a draft when some
	 * fields are malformed.
	 */
	public JournalInput without(Set<String> fields) {
		return new JournalInput(fields.contains("date") ? null : date, fields.contains("kind") ? null : kind,
				fields.contains("channel") ? null : channel, fields.contains("minutes") ? null : minutes,
				fields.contains("note") ? null : note, fields.contains("satisfaction") ? null : satisfaction,
				fields.contains("closeRelationsViolence") ? null : closeRelationsViolence);
	}
}
