package se.skyddsnat.casework.journal;

import java.util.Map;

import se.skyddsnat.shared.Refused;

/**
 * An attempt to change or throw away a signed journal entry: it is final, only a
 * correction may follow it. 409, naming the entry ({@code entryId}).
 */
public class JournalNoteAlreadySigned extends Refused {

	private final long entryId;

	JournalNoteAlreadySigned(long entryId) {
		super(409, "journal.error.signed", entryId);
		this.entryId = entryId;
	}

	public long entryId() {
		return entryId;
	}

	@Override
	public String titleKey() {
		return "journal.problem.signed.title";
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("entryId", entryId);
	}

}
