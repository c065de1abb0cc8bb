package se.skyddsnat.outreach;

import java.util.List;

/**
 * An import with any invalid row: nothing was written. Carries the first errors (at most
 * {@link se.skyddsnat.shared.FirstErrors#SHOWN}, by file, line and column) and how many there were in all.
 */
public class ImportRejected extends RuntimeException {

    /** {@code file} is {@code shifts} or {@code encounters}; {@code column} null for a whole-line problem. */
    public record LineError(String file, int line, String column, String messageKey, Object... args) {
    }

    private final List<LineError> errors;
    private final int total;

    public ImportRejected(List<LineError> errors) {
        this(errors, errors.size());
    }

    public ImportRejected(List<LineError> errors, int total) {
        super(total + " import errors");
        this.errors = List.copyOf(errors);
        this.total = total;
    }

    /** The first errors, shifts before encounters, by line. */
    public List<LineError> errors() {
        return errors;
    }

    /** How many errors the files had. */
    public int total() {
        return total;
    }
}
