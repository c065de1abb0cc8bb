package se.skyddsnat.shared;

import java.time.LocalDate;

/**
 * A period of days, both inclusive: the one rule for every period a user chooses
 * (statistics, usage, indicators, consultations). Both days must be given as YYYY-MM-DD
 * within the sane range ({@link DateRange#standard}: from 1900-01-01 to ten years ahead)
 * and the last must not be before the first; otherwise {@link InvalidInput} names the
 * field {@code from} or {@code to} with a message {@code period.error.*} (or the range's
 * {@code input.error.date.range}).
 */
public record DatePeriod(LocalDate from, LocalDate to) {

	/** The period, with "today" (for the range's end) from the system clock. */
	public static DatePeriod of(LocalDate from, LocalDate to) {
		return of(from, to, LocalDate.now());
	}

	public static DatePeriod of(LocalDate from, LocalDate to, LocalDate today) {
		var in = Input.on(today);
		in.requiredDate("from", from, in.anyDate(), "period.error.from");
		in.requiredDate("to", to, in.anyDate(), "period.error.to");
		if (in.ok() && to.isBefore(from)) {
			in.reject("to", "period.error.order");
		}
		in.check();
		return new DatePeriod(from, to);
	}

	/** From the text of a form or a query string. */
	public static DatePeriod parse(String from, String to) {
		return of(Input.readDate(from), Input.readDate(to));
	}
}
