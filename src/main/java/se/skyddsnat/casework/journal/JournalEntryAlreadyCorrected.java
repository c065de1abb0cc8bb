package se.skyddsnat.casework.journal;

/**
 * A second correction of one journal entry: each entry has at most one correction (a colleague's draft of it, or a
 * signed one). A further change corrects that correction, so the history stays one line a reader can follow.
 */
public class JournalEntryAlreadyCorrected extends RuntimeException {

    private final long entryId;

    JournalEntryAlreadyCorrected(long entryId) {
        super("Journal entry " + entryId + " already has a correction");
        this.entryId = entryId;
    }

    public long entryId() {
        return entryId;
    }
}
