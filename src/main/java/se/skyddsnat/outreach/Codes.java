package se.skyddsnat.outreach;

import java.util.Locale;
import java.util.Optional;

/**
 * The lower-case code of an enum constant as used in CSV, JSON and message keys
 * ({@code SEX_CLUB} ↔ {@code sex_club}).
 */
final class Codes {

	private Codes() {
	}

	static String of(Enum<?> e) {
		return e.name().toLowerCase(Locale.ROOT);
	}

	static <E extends Enum<E>> Optional<E> parse(Class<E> type, String code) {
		return Optional.ofNullable(se.skyddsnat.shared.Input.codeOf(type, code));
	}

}
