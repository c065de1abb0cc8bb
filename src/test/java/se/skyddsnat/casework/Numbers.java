package se.skyddsnat.casework;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Made-up personnummer with a valid check digit, different on every call (tests share one
 * database).
 */
public final class Numbers {

	private Numbers() {
	}

	public static String personnummer() {
		return personnummer(LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(365 * 50)));
	}

	/** A number for someone born on the date. */
	public static String personnummer(LocalDate birth) {
		var random = ThreadLocalRandom.current();
		String nine = String.format("%02d%02d%02d%03d", birth.getYear() % 100, birth.getMonthValue(),
				birth.getDayOfMonth(), random.nextInt(1000));
		int sum = 0;
		for (int i = 0; i < 9; i++) {
			int d = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
			sum += d > 9 ? d - 9 : d;
		}
		String ten = nine + (10 - sum % 10) % 10;
		return birth.getYear() / 100 + ten.substring(0, 6) + "-" + ten.substring(6);
	}

	public static String suffix() {
		var random = ThreadLocalRandom.current();
		var sb = new StringBuilder();
		for (int i = 0; i < 6; i++) {
			sb.append((char) ('a' + random.nextInt(26)));
		}
		return sb.toString();
	}

}
