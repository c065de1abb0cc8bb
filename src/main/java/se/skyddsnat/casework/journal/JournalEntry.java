package se.skyddsnat.casework.journal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * An entry in a case's journal. A draft ({@code signedAt} null) may be incomplete and is
 * seen only by its author; a signed entry is final. {@code correctsId}: the entry this
 * one corrects; {@code correctedBy}: the signed entries that correct this one (both stay
 * visible).
 */
public record JournalEntry(long id, long caseId, LocalDate date, JournalKind kind, JournalChannel channel,
		Integer minutes, String note, Integer satisfaction, Boolean closeRelationsViolence, Long correctsId,
		String author, Instant updatedAt, String signedBy, Instant signedAt, List<Long> correctedBy) {

	public boolean signed() {
		return signedAt != null;
	}

	public boolean corrected() {
		return !correctedBy.isEmpty();
	}

	/**
	 * The note as paragraphs (split on blank lines), each as its lines: for pages, which
	 * allow no inline style.
	 */
	public List<List<String>> paragraphs() {
		if (note == null || note.isBlank()) {
			return List.of();
		}
		return Arrays.stream(note.strip().split("\\R\\s*\\R")).map(p -> List.of(p.split("\\R"))).toList();
	}

	JournalEntry withCorrectedBy(List<Long> ids) {
		return new JournalEntry(id, caseId, date, kind, channel, minutes, note, satisfaction, closeRelationsViolence,
				correctsId, author, updatedAt, signedBy, signedAt, List.copyOf(ids));
	}
}
