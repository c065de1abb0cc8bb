package se.skyddsnat.shared;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one CSV reader for imports: UTF-8 with or without BOM, delimiter {@code ,} or
 * {@code ;} (detected from the header row; Swedish Excel writes {@code ;}), double-quoted
 * fields with {@code ""} escapes, a header row. Each row keeps its line number in the
 * file for error messages.
 * <p>
 * A big file is read as a stream ({@link #open}), one row at a time, so that only what
 * the caller keeps of each row stays in memory; a small one can be read whole
 * ({@link #parse}).
 */
public final class CsvTable {

	/** A data row: values by (lower-case) column name, and the line it started on. */
	public record Row(int line, Map<String, String> values) {
		/** The trimmed value, or "" when the column is absent or empty. */
		public String get(String column) {
			String v = values.get(column);
			return v == null ? "" : v.trim();
		}
	}

	/**
	 * The file could not be read as CSV at all (not UTF-8, no header, unbalanced quotes).
	 */
	public static class Unreadable extends RuntimeException {

		private final int line;

		public Unreadable(int line, String reason) {
			super(reason);
			this.line = line;
		}

		public int line() {
			return line;
		}

	}

	private static final String EXTRA = "\u0000extra";

	private final List<String> header;

	private final List<Row> rows;

	private final char delimiter;

	private CsvTable(List<String> header, List<Row> rows, char delimiter) {
		this.header = header;
		this.rows = rows;
		this.delimiter = delimiter;
	}

	public List<String> header() {
		return header;
	}

	public List<Row> rows() {
		return rows;
	}

	public char delimiter() {
		return delimiter;
	}

	/** A whole (small) file in memory. */
	public static CsvTable parse(byte[] bytes) {
		try (Rows rows = open(new ByteArrayInputStream(bytes))) {
			return collect(rows);
		}
	}

	public static CsvTable parse(String text) {
		try (Rows rows = new Rows(new StringReader(text))) {
			return collect(rows);
		}
	}

	private static CsvTable collect(Rows rows) {
		var all = new ArrayList<Row>();
		for (Row row = rows.next(); row != null; row = rows.next()) {
			all.add(row);
		}
		return new CsvTable(rows.header(), List.copyOf(all), rows.delimiter());
	}

	/**
	 * The rows of a file as a stream of UTF-8 bytes: the header is read at once
	 * ({@link Unreadable} when there is none), each {@link Rows#next()} reads one more
	 * row. Close it when done.
	 */
	public static Rows open(InputStream in) {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		return new Rows(new BufferedReader(new InputStreamReader(in, decoder), 1 << 16));
	}

	/** Whether a row has more fields than the header. */
	public static boolean hasExtraFields(Row row) {
		return row.values().containsKey(EXTRA);
	}

	/** The rows of a CSV file, read one at a time. */
	public static final class Rows implements Closeable {

		private final Reader reader;

		private final List<String> header;

		private final char delimiter;

		private final StringBuilder firstLine = new StringBuilder();

		private int firstLineAt;

		private int pushedBack = -1;

		private int line = 1;

		private boolean done;

		private Rows(Reader reader) {
			this.reader = reader;
			// the delimiter is the one the header row has more of; the header line is
			// read ahead to count them
			int c = raw();
			if (c == '\uFEFF') {
				c = raw();
			}
			while (c >= 0 && c != '\n') {
				firstLine.append((char) c);
				c = raw();
			}
			if (c == '\n') {
				firstLine.append('\n');
			}
			if (firstLine.toString().isBlank()) {
				throw new Unreadable(1, "no header row");
			}
			delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
			List<String> fields = record();
			header = fields == null ? List.of() : fields.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
		}

		public List<String> header() {
			return header;
		}

		public char delimiter() {
			return delimiter;
		}

		/** The next data row (blank lines skipped), or null at the end of the file. */
		public Row next() {
			while (true) {
				int at = line;
				List<String> fields = record();
				if (fields == null) {
					return null;
				}
				if (fields.size() == 1 && fields.getFirst().isBlank()) {
					continue; // blank line
				}
				var values = new LinkedHashMap<String, String>();
				for (int c = 0; c < header.size() && c < fields.size(); c++) {
					values.put(header.get(c), fields.get(c));
				}
				if (fields.size() > header.size()) {
					values.put(EXTRA, String.valueOf(fields.size() - header.size()));
				}
				return new Row(at, values);
			}
		}

		/**
		 * One record (fields of a row, a quoted field may span lines), or null at the
		 * end.
		 */
		private List<String> record() {
			if (done) {
				return null;
			}
			int recordLine = line;
			var fields = new ArrayList<String>();
			var field = new StringBuilder();
			boolean quoted = false;
			int c = read();
			if (c < 0) {
				done = true;
				return null;
			}
			while (true) {
				if (c < 0) {
					if (quoted) {
						throw new Unreadable(recordLine, "a quoted field is not closed");
					}
					done = true;
					fields.add(field.toString());
					return fields;
				}
				char ch = (char) c;
				if (quoted) {
					if (ch == '"') {
						int next = read();
						if (next == '"') {
							field.append('"');
						}
						else {
							quoted = false;
							c = next;
							continue;
						}
					}
					else {
						if (ch == '\n') {
							line++;
						}
						field.append(ch);
					}
				}
				else if (ch == '"' && field.isEmpty()) {
					quoted = true;
				}
				else if (ch == delimiter) {
					fields.add(field.toString());
					field.setLength(0);
				}
				else if (ch == '\n' || ch == '\r') {
					if (ch == '\r') {
						int next = read();
						if (next != '\n' && next >= 0) {
							pushedBack = next;
						}
					}
					line++;
					fields.add(field.toString());
					return fields;
				}
				else {
					field.append(ch);
				}
				c = read();
			}
		}

		/**
		 * The next character: first the header line read ahead, then the rest of the
		 * file.
		 */
		private int read() {
			if (pushedBack >= 0) {
				int c = pushedBack;
				pushedBack = -1;
				return c;
			}
			if (firstLineAt < firstLine.length()) {
				return firstLine.charAt(firstLineAt++);
			}
			return raw();
		}

		private int raw() {
			try {
				return reader.read();
			}
			catch (CharacterCodingException e) {
				throw new Unreadable(line, "not UTF-8");
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		@Override
		public void close() {
			try {
				reader.close();
			}
			catch (IOException e) {
				// nothing to do: the file was read as far as it was
			}
		}

		private static int count(CharSequence s, char c) {
			int n = 0;
			for (int i = 0; i < s.length(); i++) {
				if (s.charAt(i) == c) {
					n++;
				}
			}
			return n;
		}

	}

}
