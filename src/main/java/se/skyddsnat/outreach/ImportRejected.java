package se.skyddsnat.outreach;

import java.util.List;

/** An import with any invalid row: nothing was written. Carries every error, by file, line and column. */
public class ImportRejected extends RuntimeException {

    /** {@code file} is {@code shifts} or {@code encounters}; {@code column} null for a whole-line problem. */
    public record LineError(String file, int line, String column, String messageKey, Object... args) {
    }

    private final List<LineError> errors;

    public ImportRejected(List<LineError> errors) {
        super(errors.size() + " import errors");
        this.errors = List.copyOf(errors);
    }

    public List<LineError> errors() {
        return errors;
    }
}
