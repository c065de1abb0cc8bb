package se.skyddsnat.shared;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one place where text from a person or a client becomes a typed, bounded value. Each
 * method reads one field, returns its value (null when it is empty or wrong) and
 * remembers every problem by field; {@link #check()} then throws one {@link InvalidInput}
 * naming them all. The rules, the same for forms, the API and imports:
 * <ul>
 * <li>text is trimmed (except {@link #asTyped}), at most its limit in characters, and
 * free of control characters other than tab, line feed and carriage return (a NUL byte,
 * for one, can never be stored): {@code input.error.*};</li>
 * <li>a date is {@code YYYY-MM-DD} within its {@link DateRange}; past a bound the field
 * sets itself (not in the future, not before another date) the field's own message says
 * so, past the {@linkplain DateRange#standard sane range}
 * ({@code input.error.date.range}) the message names the range;</li>
 * <li>a time is {@code HH:MM}; a number is whole and within its bounds; a code is one of
 * its enum's codes (case-insensitive); a municipality or unit code has its format.</li>
 * </ul>
 * The field's own message key (e.g. {@code case.error.openedOn}) says what is expected,
 * in Swedish or English.
 */
public final class Input {

	/**
	 * The message for text with a control character (other than tab and line breaks) or a
	 * broken surrogate pair.
	 */
	public static final String CONTROL_CHARACTERS = "input.error.characters";

	/** The message for text over its limit, with the limit as argument {0}. */
	public static final String TOO_LONG = "input.error.tooLong";

	/**
	 * The message for a date outside the sane range, with the range's first and last day
	 * as {0} and {1}.
	 */
	public static final String DATE_RANGE = "input.error.date.range";

	private static final Pattern DATE = Pattern.compile("[+-]?[0-9]{4,10}-[0-9]{2}-[0-9]{2}");

	private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

	private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]{1,18}");

	private static final int ECHO_MAX = 40;

	private final LocalDate today;

	private final List<InvalidInput.Violation> violations = new ArrayList<>();

	private Input(LocalDate today) {
		this.today = today;
	}

	/** A collector for one request, with "today" from the clock (for date ranges). */
	public static Input of(Clock clock) {
		return new Input(LocalDate.now(clock));
	}

	/** A collector for fields without dates (today from the system clock). */
	public static Input of() {
		return new Input(LocalDate.now());
	}

	public static Input on(LocalDate today) {
		return new Input(today);
	}

	public LocalDate today() {
		return today;
	}

	/** 1900-01-01 … today + 10 years. */
	public DateRange anyDate() {
		return DateRange.standard(today);
	}

	/** 1900-01-01 … today: what has already happened. */
	public DateRange past() {
		return DateRange.notAfter(today);
	}

	// ------------------------------------------------------------------ text

	/**
	 * Optional text: trimmed, null when empty; over the limit or with a control character
	 * is refused.
	 */
	public String text(String field, String value, TextLimit limit) {
		return text(field, value, limit.max(), TOO_LONG);
	}

	/**
	 * Optional text with the field's own message for "too long" (argument {0} is the
	 * limit).
	 */
	public String text(String field, String value, int max, String tooLongKey) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		return bounded(field, text, max, tooLongKey) ? text : null;
	}

	/**
	 * Required text: trimmed; empty or too long gives the field's message (argument {0}
	 * is the limit).
	 */
	public String required(String field, String value, TextLimit limit, String messageKey) {
		return required(field, value, limit.max(), messageKey);
	}

	public String required(String field, String value, int max, String messageKey) {
		String text = blankToNull(value);
		if (text == null) {
			reject(field, messageKey, max);
			return null;
		}
		return bounded(field, text, max, messageKey) ? text : null;
	}

	/**
	 * Text kept exactly as typed (not trimmed; a journal note as it is being written);
	 * null stays null.
	 */
	public String asTyped(String field, String value, int max, String tooLongKey) {
		if (value == null) {
			return null;
		}
		return bounded(field, value, max, tooLongKey) ? value : null;
	}

	private boolean bounded(String field, String text, int max, String tooLongKey) {
		if (!safe(text)) {
			reject(field, CONTROL_CHARACTERS);
			return false;
		}
		if (text.codePointCount(0, text.length()) > max) {
			reject(field, tooLongKey, max);
			return false;
		}
		return true;
	}

	// ------------------------------------------------------------------ dates, times,
	// numbers, codes

	/**
	 * An optional date {@code YYYY-MM-DD} in {@code range}: null when empty. Unreadable,
	 * or outside the range, gives {@code messageKey} (with {@code args}); outside the
	 * sane range {@code input.error.date.range} names the range.
	 */
	public LocalDate date(String field, String value, DateRange range, String messageKey, Object... args) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		LocalDate date = readDate(text);
		if (date == null) {
			reject(field, messageKey, args);
			return null;
		}
		if (!range.contains(date)) {
			// past a bound the field itself sets (not in the future, not before the
			// application): its own message;
			// past the sane range's bound: the message that names the range
			DateRange sane = anyDate();
			boolean ownBound = date.isAfter(range.max()) ? range.max().isBefore(sane.max())
					: range.min().isAfter(sane.min());
			if (ownBound) {
				reject(field, messageKey, args);
			}
			else {
				reject(field, DATE_RANGE, range.min().toString(), range.max().toString());
			}
			return null;
		}
		return date;
	}

	/** A required date: empty gives {@code messageKey} too. */
	public LocalDate requiredDate(String field, String value, DateRange range, String messageKey, Object... args) {
		if (blankToNull(value) == null) {
			reject(field, messageKey, args);
			return null;
		}
		return date(field, value, range, messageKey, args);
	}

	/**
	 * A date that arrived typed (a query parameter bound by Spring): checked against the
	 * range like typed text.
	 */
	public LocalDate date(String field, LocalDate date, DateRange range, String messageKey, Object... args) {
		return date == null ? null : date(field, date.toString(), range, messageKey, args);
	}

	/**
	 * A required date that arrived typed; null (missing, or unreadable where it was read)
	 * gives {@code messageKey}.
	 */
	public LocalDate requiredDate(String field, LocalDate date, DateRange range, String messageKey, Object... args) {
		if (date == null) {
			reject(field, messageKey, args);
			return null;
		}
		return date(field, date, range, messageKey, args);
	}

	/** An optional time {@code HH:MM} (00:00–23:59). */
	public LocalTime time(String field, String value, String messageKey) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		if (!TIME.matcher(text).matches()) {
			reject(field, messageKey);
			return null;
		}
		return LocalTime.parse(text);
	}

	/**
	 * An optional whole number in {@code min..max}; anything else gives
	 * {@code messageKey} (with {@code args}).
	 */
	public Integer integer(String field, String value, int min, int max, String messageKey, Object... args) {
		Long n = whole(field, value, min, max, messageKey, args);
		return n == null ? null : n.intValue();
	}

	/**
	 * An optional whole number (spaces between thousands allowed: "4 000 000") in
	 * {@code min..max}.
	 */
	public Long whole(String field, String value, long min, long max, String messageKey, Object... args) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		text = text.replace(" ", "").replace("\u00A0", "").replace("\u202F", "");
		if (!WHOLE.matcher(text).matches()) {
			reject(field, messageKey, args);
			return null;
		}
		long n = Long.parseLong(text);
		if (n < min || n > max) {
			reject(field, messageKey, args);
			return null;
		}
		return n;
	}

	/** A whole number that arrived typed (JSON): only its bounds are checked. */
	public Integer integer(String field, Integer value, int min, int max, String messageKey, Object... args) {
		if (value != null && (value < min || value > max)) {
			reject(field, messageKey, args);
			return null;
		}
		return value;
	}

	/**
	 * An optional code of an enum ({@code sex_club} for {@code SEX_CLUB}, any case);
	 * unknown gives {@code messageKey}.
	 */
	public <E extends Enum<E>> E code(String field, String value, Class<E> type, String messageKey, Object... args) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		E e = codeOf(type, text);
		if (e == null) {
			reject(field, messageKey, args);
		}
		return e;
	}

	/** A required code: empty gives {@code messageKey} too. */
	public <E extends Enum<E>> E requiredCode(String field, String value, Class<E> type, String messageKey,
			Object... args) {
		if (blankToNull(value) == null) {
			reject(field, messageKey, args);
			return null;
		}
		return code(field, value, type, messageKey, args);
	}

	/**
	 * An optional four-digit municipality code (whether it exists is the caller's
	 * question).
	 */
	public MunicipalityCode municipality(String field, String value, String messageKey, Object... args) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		if (!MunicipalityCode.isValid(text)) {
			reject(field, messageKey, args);
			return null;
		}
		return MunicipalityCode.of(text);
	}

	/** An optional unit code (whether it exists is the caller's question). */
	public UnitCode unit(String field, String value, String messageKey, Object... args) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		if (!UnitCode.isValid(text)) {
			reject(field, messageKey, args);
			return null;
		}
		return UnitCode.of(text);
	}

	// ------------------------------------------------------------------ the collection

	/** Adds a problem found by the caller (a rule between fields, a missing value). */
	public Input reject(String field, String messageKey, Object... args) {
		violations.add(new InvalidInput.Violation(field, messageKey, args));
		return this;
	}

	/** Whether a problem is recorded for the field. */
	public boolean failed(String field) {
		return violations.stream().anyMatch(v -> v.field().equals(field));
	}

	public boolean ok() {
		return violations.isEmpty();
	}

	public List<InvalidInput.Violation> violations() {
		return List.copyOf(violations);
	}

	/** Throws one {@link InvalidInput} with every problem recorded, if any. */
	public void check() {
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
	}

	// ------------------------------------------------------------------ single values

	/**
	 * Whether the text has no control character other than tab, LF and CR, and no broken
	 * surrogate pair.
	 */
	public static boolean safe(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * A value as it may be quoted back in a message ("… is not a unit: X"): at most 40
	 * characters, control characters shown as {@code ?}, so that an error never echoes a
	 * megabyte or a NUL.
	 */
	public static String echo(String value) {
		if (value == null) {
			return "";
		}
		var sb = new StringBuilder();
		for (int i = 0; i < value.length() && sb.length() < ECHO_MAX; i++) {
			char c = value.charAt(i);
			sb.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
		}
		return value.length() > ECHO_MAX ? sb + "…" : sb.toString();
	}

	/** The enum constant for a code, any case; null when there is none. */
	public static <E extends Enum<E>> E codeOf(Class<E> type, String code) {
		if (code == null || code.isBlank() || code.length() > 64) {
			return null;
		}
		String name = code.strip().toUpperCase(Locale.ROOT);
		for (E e : type.getEnumConstants()) {
			if (e.name().equals(name)) {
				return e;
			}
		}
		return null;
	}

	/**
	 * A date {@code YYYY-MM-DD} read from text for a service that takes typed values and
	 * names an unreadable (null) one itself; null when empty or unreadable. Its range is
	 * the service's to check
	 * ({@link #date(String, LocalDate, DateRange, String, Object...)}).
	 */
	public static LocalDate readDate(String text) {
		String t = blankToNull(text);
		if (t == null || t.length() > 20 || !DATE.matcher(t).matches()) {
			return null;
		}
		try {
			return LocalDate.parse(t);
		}
		catch (DateTimeException e) {
			return null;
		}
	}

	/**
	 * A whole number read from text (spaces between thousands allowed); null when empty
	 * or not a whole number.
	 */
	public static Long readWhole(String text) {
		String t = blankToNull(text);
		if (t == null) {
			return null;
		}
		t = t.replace(" ", "").replace("\u00A0", "").replace("\u202F", "");
		return WHOLE.matcher(t).matches() ? Long.parseLong(t) : null;
	}

	/**
	 * A whole number that fits an {@code int}; null when empty, not a whole number, or
	 * larger.
	 */
	public static Integer readInt(String text) {
		Long n = readWhole(text);
		return n == null || n < Integer.MIN_VALUE || n > Integer.MAX_VALUE ? null : n.intValue();
	}

	/**
	 * A decimal number with a comma or a point ("1,5", "1.5"), at most 12 characters;
	 * null otherwise.
	 */
	public static BigDecimal readDecimal(String text) {
		String t = blankToNull(text);
		if (t == null || t.length() > 12) {
			return null;
		}
		try {
			return new BigDecimal(t.replace(',', '.'));
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	/**
	 * A four-digit municipality code; null when empty or not one (whether it exists is
	 * the service's question).
	 */
	public static MunicipalityCode readMunicipality(String text) {
		return MunicipalityCode.isValid(text) ? MunicipalityCode.of(text) : null;
	}

	/**
	 * A unit code; null when empty or not one (whether it exists is the service's
	 * question).
	 */
	public static UnitCode readUnit(String text) {
		return UnitCode.isValid(text) ? UnitCode.of(text) : null;
	}

	/** Trimmed, or null when null or blank. */
	public static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
