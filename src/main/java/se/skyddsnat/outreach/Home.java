package se.skyddsnat.outreach;

import se.skyddsnat.shared.MunicipalityCode;

/**
 * Where a person met lives: a municipality of the reference list, abroad, or not known.
 */
public record Home(Kind kind, MunicipalityCode municipality) {

	public enum Kind {

		MUNICIPALITY, ABROAD, UNKNOWN

	}

	public static final Home ABROAD = new Home(Kind.ABROAD, null);

	public static final Home UNKNOWN = new Home(Kind.UNKNOWN, null);

	public Home {
		if ((kind == Kind.MUNICIPALITY) != (municipality != null)) {
			throw new IllegalArgumentException("A municipality home needs a code; abroad and unknown have none");
		}
	}

	public static Home of(MunicipalityCode code) {
		return new Home(Kind.MUNICIPALITY, code);
	}

	/** {@code 0180}, {@code abroad} or {@code unknown}. */
	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return switch (kind) {
			case MUNICIPALITY -> municipality.value();
			case ABROAD -> "abroad";
			case UNKNOWN -> "unknown";
		};
	}

	public static Home parse(String code) {
		String c = code == null ? "" : code.trim().toLowerCase(java.util.Locale.ROOT);
		return switch (c) {
			case "abroad" -> ABROAD;
			case "unknown", "" -> UNKNOWN;
			default -> of(MunicipalityCode.of(c));
		};
	}
}
