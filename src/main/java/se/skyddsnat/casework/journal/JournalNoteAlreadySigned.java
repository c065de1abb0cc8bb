package se.skyddsnat.casework.journal;

/** An attempt to change or throw away a signed journal entry: it is final, only a correction may follow it. */
public class JournalNoteAlreadySigned extends RuntimeException {

    private final long entryId;

    JournalNoteAlreadySigned(long entryId) {
        super("Journal entry " + entryId + " is signed");
        this.entryId = entryId;
    }

    public long entryId() {
        return entryId;
    }
}
