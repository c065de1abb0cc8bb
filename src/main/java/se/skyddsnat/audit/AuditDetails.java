package se.skyddsnat.audit;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The details of an audit row, stored structured so that the access log can say them as a
 * sentence in the reader's language: a key and its arguments,
 * {@code case.opened|@unit:MIKA|#case.kind.mika_support}. An argument {@code #key} is
 * said by its bundle text, {@code @kind:id} by the record's name ({@link AuditNames}),
 * anything else as it is. The sentence is {@code audit.detail.<key>} in the bundles. No
 * personal data: ids and codes only.
 */
public final class AuditDetails {

	static final String SEPARATOR = "|";

	private AuditDetails() {
	}

	/**
	 * The stored form of a detail: {@code key} and its arguments ({@code |} in an
	 * argument becomes {@code /}).
	 */
	public static String of(String key, Object... args) {
		if (args.length == 0) {
			return key;
		}
		return key + SEPARATOR
				+ Arrays.stream(args)
					.map(a -> a == null ? "" : a.toString().replace(SEPARATOR, "/"))
					.collect(Collectors.joining(SEPARATOR));
	}

	/** An argument said by its bundle text. */
	public static String text(String key) {
		return "#" + key;
	}

	/**
	 * An argument said by the name of a record (a unit, a municipality, a person) as the
	 * reader may see it.
	 */
	public static String named(String kind, Object id) {
		return "@" + kind + ":" + id;
	}

}
