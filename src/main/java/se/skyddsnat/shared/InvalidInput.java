package se.skyddsnat.shared;

import java.util.List;

/**
 * Input that a service refused, with every field that was wrong. Each violation carries a
 * message key (resolved in the user's language by the web layer), never personal data.
 * The API turns it into problem+json naming the fields; forms show each message by its
 * field. A file (an import, a population table) is refused with its
 * {@linkplain #lineErrors() line errors} instead: the first ones, by line, and how many
 * there were in all.
 */
public class InvalidInput extends RuntimeException {

	/** The detail of the answer when a module names none of its own. */
	public static final String DETAIL = "problem.invalid.detail";

	public record Violation(String field, String messageKey, Object... args) {
	}

	/**
	 * A problem at a line of a file (1 = the header; 0 for the file as a whole):
	 * {@code file} names the file where a request has several (null where it has one),
	 * {@code column} is null for a whole-line problem.
	 */
	public record LineError(String file, int line, String column, String messageKey, Object... args) {
	}

	private final List<Violation> violations;

	private final List<LineError> lineErrors;

	private final int errorCount;

	private final String detailKey;

	private final transient Object[] detailArgs;

	public InvalidInput(List<Violation> violations) {
		this(violations, DETAIL);
	}

	/**
	 * With the module's own detail for the answer (e.g. the login's message for the one
	 * field it names).
	 */
	public InvalidInput(List<Violation> violations, String detailKey, Object... detailArgs) {
		super("Invalid input in: " + violations.stream().map(Violation::field).toList());
		this.violations = List.copyOf(violations);
		this.lineErrors = List.of();
		this.errorCount = violations.size();
		this.detailKey = detailKey;
		this.detailArgs = detailArgs;
	}

	/**
	 * A file refused as a whole: its first errors and their count; the detail gets the
	 * count as argument {0}.
	 */
	protected InvalidInput(String detailKey, List<LineError> first, int total) {
		super(total + " errors in a file");
		this.violations = List.of();
		this.lineErrors = List.copyOf(first);
		this.errorCount = total;
		this.detailKey = detailKey;
		this.detailArgs = new Object[] { total };
	}

	public static InvalidInput of(String field, String messageKey, Object... args) {
		return new InvalidInput(List.of(new Violation(field, messageKey, args)));
	}

	/**
	 * The fields that were wrong; empty for a file, whose problems are
	 * {@link #lineErrors()}.
	 */
	public List<Violation> violations() {
		return violations;
	}

	/** A file's first problems, in order; empty for fields. */
	public List<LineError> lineErrors() {
		return lineErrors;
	}

	/** How many problems there were in all (a file's may be more than it lists). */
	public int errorCount() {
		return errorCount;
	}

	/** The message key of the answer's detail, with {@link #detailArgs()}. */
	public String detailKey() {
		return detailKey;
	}

	public Object[] detailArgs() {
		return detailArgs;
	}

	/** Puts each violation on its form field, so the form shows it next to the input. */
	public void rejectInto(org.springframework.validation.Errors errors) {
		for (Violation v : violations) {
			if (hasField(errors, v.field())) {
				errors.rejectValue(v.field(), v.messageKey(), v.args(), v.messageKey());
			}
			else {
				errors.reject(v.messageKey(), v.args(), v.messageKey());
			}
		}
	}

	private static boolean hasField(org.springframework.validation.Errors errors, String field) {
		try {
			return errors.getFieldType(field) != null;
		}
		catch (RuntimeException e) {
			return false;
		}
	}

}
