package se.skyddsnat.region;

import java.util.Map;

/**
 * Something the regional offer promises the joined municipalities a number of times a
 * year and another module keeps count of (training: sessions, three a year). The offer's
 * page shows each against its promise; a module offers one by implementing this as a bean
 * (region depends on none of them).
 */
public interface OfferPromise {

	/** The message key of what is promised, e.g. "Utbildningstillfällen". */
	String labelKey();

	/** How many a year the agreement promises. */
	int promisedPerYear();

	/**
	 * How many were kept per year, for every year from {@code fromYear} to
	 * {@code toYear}.
	 */
	Map<Integer, Long> keptPerYear(int fromYear, int toYear);

}
