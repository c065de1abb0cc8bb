package se.skyddsnat.casework.journal;

import java.util.LinkedHashMap;
import java.util.Map;

import se.skyddsnat.shared.Refused;

/**
 * A second correction of one journal entry: each entry has at most one correction (a
 * colleague's draft of it, or a signed one). A further change corrects that correction,
 * so the history stays one line a reader can follow. 409, naming the field
 * ({@code correctsId}) and the entry ({@code entryId}).
 */
public class JournalEntryAlreadyCorrected extends Refused {

	private final long entryId;

	JournalEntryAlreadyCorrected(long entryId) {
		super(409, "journal.error.alreadyCorrected", entryId);
		this.entryId = entryId;
	}

	public long entryId() {
		return entryId;
	}

	@Override
	public String titleKey() {
		return "journal.problem.corrected.title";
	}

	@Override
	public Map<String, Object> properties() {
		var properties = new LinkedHashMap<String, Object>();
		properties.put("field", "correctsId");
		properties.put("entryId", entryId);
		return properties;
	}

}
