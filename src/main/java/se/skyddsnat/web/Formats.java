package se.skyddsnat.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Swedish display formats for templates ({@code ${@fmt.dateTime(x)}}): dates 2022-06-30,
 * times 19:00, thousands separated by a (no-break) space, decimal comma. The API and CSV
 * use ISO and plain numbers.
 */
@Component("fmt")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Formats {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final char THIN_SPACE = '\u00A0';

	private final Clock clock;

	public String dateTime(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant.atZone(clock.getZone()));
	}

	public String date(LocalDate date) {
		return date == null ? "" : date.toString();
	}

	public String integer(long value) {
		String digits = Long.toString(Math.abs(value));
		var sb = new StringBuilder();
		for (int i = 0; i < digits.length(); i++) {
			if (i > 0 && (digits.length() - i) % 3 == 0) {
				sb.append(THIN_SPACE);
			}
			sb.append(digits.charAt(i));
		}
		return (value < 0 ? "−" : "") + sb;
	}

	/**
	 * A share 0..1 as a percentage with one decimal and a decimal comma: {@code 12,5 %}.
	 */
	public String percent(double share) {
		return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP).toPlainString().replace('.', ',')
				+ THIN_SPACE + "%";
	}

}
