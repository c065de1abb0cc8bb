package se.skyddsnat.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Swedish personnummer or samordningsnummer (coordination number: day of birth + 60),
 * stored as 12 digits with the century. Accepts 10 digits ({@code YYMMDD-NNNC}, with
 * {@code +} from the year the person turns 100) or 12 digits, with or without the
 * separator; the check digit (Luhn over the 10 digits) and the date are verified.
 * {@link #toString()} never prints the number, so it cannot slip into a log line.
 */
public final class PersonalNumber {

	private static final Pattern FORMAT = Pattern.compile("(\\d{2})?(\\d{6})([-+]?)(\\d{4})");

	private final String digits;

	private PersonalNumber(String digits) {
		this.digits = digits;
	}

	/** Why a text is not a personnummer: the message key to show beside the field. */
	public enum Problem {

		FORMAT("personalNumber.error.format"), DATE("personalNumber.error.date"),
		CHECK_DIGIT("personalNumber.error.checkDigit"), FUTURE("personalNumber.error.future");

		private final String messageKey;

		Problem(String messageKey) {
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return messageKey;
		}

	}

	/** The parsed number, or the problem. */
	public record Parsed(PersonalNumber value, Problem problem) {
		public boolean ok() {
			return value != null;
		}
	}

	public static Parsed parse(String text, LocalDate today) {
		if (text == null) {
			return new Parsed(null, Problem.FORMAT);
		}
		Matcher m = FORMAT.matcher(text.strip().replace(" ", ""));
		if (!m.matches()) {
			return new Parsed(null, Problem.FORMAT);
		}
		String century = m.group(1);
		String yymmdd = m.group(2);
		boolean plus = m.group(3).equals("+");
		String last4 = m.group(4);
		if (century != null && plus) {
			return new Parsed(null, Problem.FORMAT); // '+' only belongs to the 10-digit
														// form
		}
		String ten = yymmdd + last4;
		if (!luhnValid(ten)) {
			return new Parsed(null, Problem.CHECK_DIGIT);
		}
		int yy = Integer.parseInt(yymmdd.substring(0, 2));
		int year;
		if (century != null) {
			year = Integer.parseInt(century) * 100 + yy;
		}
		else {
			// the latest year ending in yy that is not in the future; '+' means a hundred
			// years earlier
			year = today.getYear() - Math.floorMod(today.getYear() - yy, 100);
			if (plus) {
				year -= 100;
			}
		}
		int month = Integer.parseInt(yymmdd.substring(2, 4));
		int day = Integer.parseInt(yymmdd.substring(4, 6));
		if (day > 60) {
			day -= 60;
		}
		LocalDate birth;
		try {
			birth = LocalDate.of(year, month, day);
		}
		catch (DateTimeException e) {
			return new Parsed(null, Problem.DATE);
		}
		if (birth.isAfter(today)) {
			return new Parsed(null, Problem.FUTURE);
		}
		return new Parsed(new PersonalNumber(String.format("%04d", year) + yymmdd.substring(2) + last4), null);
	}

	/** A number read back from storage (12 digits, already verified when stored). */
	public static PersonalNumber ofStored(String twelveDigits) {
		if (twelveDigits == null || !twelveDigits.matches("\\d{12}") || !luhnValid(twelveDigits.substring(2))) {
			throw new IllegalArgumentException("not a stored personal number");
		}
		return new PersonalNumber(twelveDigits);
	}

	/** The 12 digits, e.g. {@code 198112289874}. */
	public String digits() {
		return digits;
	}

	/** As people write it: {@code 19811228-9874}. */
	public String formatted() {
		return digits.substring(0, 8) + "-" + digits.substring(8);
	}

	public boolean coordinationNumber() {
		return Integer.parseInt(digits.substring(6, 8)) > 60;
	}

	public LocalDate birthDate() {
		int day = Integer.parseInt(digits.substring(6, 8));
		return LocalDate.of(Integer.parseInt(digits.substring(0, 4)), Integer.parseInt(digits.substring(4, 6)),
				day > 60 ? day - 60 : day);
	}

	/**
	 * The birth number's parity: odd for men, even for women (as registered; not a
	 * statement about gender).
	 */
	public Optional<Boolean> registeredMale() {
		return Optional.of(Character.getNumericValue(digits.charAt(10)) % 2 == 1);
	}

	static boolean luhnValid(String tenDigits) {
		int sum = 0;
		for (int i = 0; i < tenDigits.length(); i++) {
			int d = tenDigits.charAt(i) - '0';
			if (i % 2 == 0) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
		}
		return sum % 10 == 0;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof PersonalNumber p && p.digits.equals(digits);
	}

	@Override
	public int hashCode() {
		return digits.hashCode();
	}

	@Override
	public String toString() {
		return "PersonalNumber[hidden]";
	}

}
