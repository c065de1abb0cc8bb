package se.skyddsnat.shared;

import java.util.List;

/**
 * Input that a service refused, with every field that was wrong. Each violation carries a
 * message key (resolved in the user's language by the web layer), never personal data.
 * The API turns it into problem+json naming the fields; forms show each message by its field.
 */
public class InvalidInput extends RuntimeException {

    public record Violation(String field, String messageKey, Object... args) {
    }

    private final List<Violation> violations;

    public InvalidInput(List<Violation> violations) {
        super("Invalid input in: " + violations.stream().map(Violation::field).toList());
        this.violations = List.copyOf(violations);
    }

    public static InvalidInput of(String field, String messageKey, Object... args) {
        return new InvalidInput(List.of(new Violation(field, messageKey, args)));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Puts each violation on its form field, so the form shows it next to the input. */
    public void rejectInto(org.springframework.validation.Errors errors) {
        for (Violation v : violations) {
            if (hasField(errors, v.field())) {
                errors.rejectValue(v.field(), v.messageKey(), v.args(), v.messageKey());
            } else {
                errors.reject(v.messageKey(), v.args(), v.messageKey());
            }
        }
    }

    private static boolean hasField(org.springframework.validation.Errors errors, String field) {
        try {
            return errors.getFieldType(field) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
