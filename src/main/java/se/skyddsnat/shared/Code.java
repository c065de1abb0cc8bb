package se.skyddsnat.shared;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * An enum whose constants the API, CSV, forms and message keys spell in lower case
 * ({@code SEX_CLUB} ↔ {@code sex_club}): the one spelling, as JSON writes it too.
 */
public interface Code {

	/** The constant's name (every enum has it). */
	String name();

	/** The constant as the API and forms spell it. */
	@JsonValue
	default String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The constant for a code; {@link IllegalArgumentException} when the text is no code
	 * of the type.
	 */
	static <E extends Enum<E> & Code> E of(Class<E> type, String code) {
		return Enum.valueOf(type, code.toUpperCase(Locale.ROOT));
	}

}
