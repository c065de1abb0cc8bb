package se.skyddsnat.shared;

/**
 * The maximum length of one text field: the one number that the form ({@code maxlength}),
 * the service (through {@link Input}) and the database column share. Each module lists
 * its limits in an enum implementing this interface, each naming the column that stores
 * the text ({@code schema.table.column}, or null for a text that is not stored, such as a
 * search); a test checks every limit against the column's {@code varchar} size, or
 * against the {@code CHECK (length(..) <= n)} of a {@code text} column.
 */
public interface TextLimit {

	/**
	 * The most characters (Unicode code points, as PostgreSQL counts them) the field
	 * accepts.
	 */
	int max();

	/**
	 * The column the text is stored in, {@code schema.table.column}; null when it is not
	 * stored.
	 */
	String column();

	/**
	 * The constant's name, e.g. {@code CASE_REASON}: how templates ask for it
	 * ({@code @limits.max('CASE_REASON')}).
	 */
	String name();

}
