package se.skyddsnat.shared;

import java.util.regex.Pattern;

/**
 * An SCB municipality code: four digits with the leading zero kept ({@code 0180} =
 * Stockholm).
 */
public record MunicipalityCode(
		@com.fasterxml.jackson.annotation.JsonValue String value) implements Comparable<MunicipalityCode> {

	private static final Pattern FORMAT = Pattern.compile("[0-9]{4}");

	public MunicipalityCode {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException("A municipality code is four digits");
		}
	}

	public static MunicipalityCode of(String value) {
		return new MunicipalityCode(value == null ? null : value.trim());
	}

	public static boolean isValid(String value) {
		return value != null && FORMAT.matcher(value.trim()).matches();
	}

	@Override
	public int compareTo(MunicipalityCode other) {
		return value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return value;
	}
}
