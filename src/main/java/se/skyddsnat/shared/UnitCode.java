package se.skyddsnat.shared;

import java.util.regex.Pattern;

/**
 * The stable code of a unit, e.g. {@code MIKA}; used in imports, the API and references
 * between modules.
 */
public record UnitCode(@com.fasterxml.jackson.annotation.JsonValue String value)
		implements
			Comparable<UnitCode>,
			java.io.Serializable {

	private static final Pattern FORMAT = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");

	public UnitCode {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException("A unit code is 2–32 capital letters, digits or _");
		}
	}

	public static UnitCode of(String value) {
		return new UnitCode(value == null ? null : value.trim());
	}

	public static boolean isValid(String value) {
		return value != null && FORMAT.matcher(value.trim()).matches();
	}

	@Override
	public int compareTo(UnitCode other) {
		return value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return value;
	}
}
