-- casework: a journal entry has at most one correction — a draft of it or a signed one. Two colleagues correcting
-- the same entry at the same time cannot both succeed: the second insert finds the first (or waits for it) here.
-- A further change to a corrected entry is a correction of its correction, so the history is one line.
DROP INDEX casework.journal_entries_corrects_idx;
CREATE UNIQUE INDEX journal_entries_one_correction_idx ON casework.journal_entries (corrects_id)
    WHERE corrects_id IS NOT NULL;
