package se.skyddsnat.shared;

import java.time.LocalDate;
import java.time.Period;

/**
 * The days a date field accepts, both inclusive. Every date a person or client enters is
 * checked against a range: by default {@link #standard} (1900-01-01 to ten years ahead),
 * tighter where the domain says so ({@link #notAfter} today for what has happened: a
 * shift, a contact, a birth).
 */
public record DateRange(LocalDate min, LocalDate max) {

	/** The earliest date anything in Skyddsnät can be about. */
	public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	/**
	 * How far ahead a planned date (a return, an agreement's end, a permit's last day)
	 * may lie.
	 */
	public static final Period AHEAD = Period.ofYears(10);

	/**
	 * {@code max} before {@code min} is an empty range: no date fits (a follow-up done
	 * before a return planned ahead).
	 */
	public DateRange {
		if (min == null || max == null) {
			throw new IllegalArgumentException("A date range needs its first and last day");
		}
	}

	/**
	 * The last day a search may name (a period to look in, not a date that is stored).
	 */
	public static final LocalDate LAST_SEARCHABLE = LocalDate.of(9999, 12, 31);

	/**
	 * 1900-01-01 … 9999-12-31: the days a search filter may name (nothing is stored,
	 * nothing computed past them).
	 */
	public static DateRange search() {
		return new DateRange(EARLIEST, LAST_SEARCHABLE);
	}

	/** 1900-01-01 … today + 10 years: the sane range every date lies in. */
	public static DateRange standard(LocalDate today) {
		return new DateRange(EARLIEST, today.plus(AHEAD));
	}

	/**
	 * 1900-01-01 … {@code last}: for what has already happened ({@code last} = today).
	 */
	public static DateRange notAfter(LocalDate last) {
		return new DateRange(EARLIEST, last);
	}

	/**
	 * The same range starting no earlier than {@code first} (when it is known and later
	 * than this range's start).
	 */
	public DateRange from(LocalDate first) {
		return first == null || !first.isAfter(min) ? this : new DateRange(first, max);
	}

	public boolean contains(LocalDate date) {
		return !date.isBefore(min) && !date.isAfter(max);
	}
}
