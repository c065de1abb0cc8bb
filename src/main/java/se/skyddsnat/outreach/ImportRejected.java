package se.skyddsnat.outreach;

import java.util.List;

import se.skyddsnat.shared.InvalidInput;

/**
 * An import with any invalid row: nothing was written. Carries the first errors (at most
 * {@link se.skyddsnat.shared.FirstErrors#SHOWN}, by file, line and column) and how many
 * there were in all. Answered like all bad input (400, problem+json with {@code errors:
 * [{file, line, column, message}]} and {@code errorCount}); the import page lists them.
 */
public class ImportRejected extends InvalidInput {

	public ImportRejected(List<LineError> errors, int total) {
		super("outreach.import.rejected", errors, total);
	}

	/**
	 * The first errors, shifts before encounters, by line; {@code file} is {@code shifts}
	 * or {@code encounters}.
	 */
	public List<LineError> errors() {
		return lineErrors();
	}

	/** How many errors the files had. */
	public int total() {
		return errorCount();
	}

}
