package se.skyddsnat.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;

/**
 * A period of days, both inclusive: the one rule for every period a user chooses (statistics, usage, indicators,
 * consultations). Both days must be given as YYYY-MM-DD and the last must not be before the first; otherwise
 * {@link InvalidInput} names the field {@code from} or {@code to} with a message {@code period.error.*}.
 */
public record DatePeriod(LocalDate from, LocalDate to) {

    public static DatePeriod of(LocalDate from, LocalDate to) {
        var errors = new ArrayList<InvalidInput.Violation>();
        if (from == null) {
            errors.add(new InvalidInput.Violation("from", "period.error.from"));
        }
        if (to == null) {
            errors.add(new InvalidInput.Violation("to", "period.error.to"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new InvalidInput.Violation("to", "period.error.order"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new DatePeriod(from, to);
    }

    /** From the text of a form or a query string. */
    public static DatePeriod parse(String from, String to) {
        return of(date(from), date(to));
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
