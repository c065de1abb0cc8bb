package se.skyddsnat.region;

import java.util.Locale;

/**
 * A municipality's part in the regional offer. UNKNOWN is honest: the sources do not say.
 */
public enum RegionalOfferStatus {

	HOST, JOINED, NOT_JOINED, UNKNOWN;

	/**
	 * From the reference file's and the database's lower-case code ({@code not_joined}).
	 */
	public static RegionalOfferStatus parse(String csvValue) {
		return valueOf(csvValue.trim().toUpperCase(Locale.ROOT));
	}

	public String csvValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Outside the offer: not joined, or the sources do not say. Its residents met give a
	 * notice.
	 */
	public boolean outside() {
		return this == NOT_JOINED || this == UNKNOWN;
	}

}
