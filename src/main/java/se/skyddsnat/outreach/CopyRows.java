package se.skyddsnat.outreach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Rows streamed into a table with {@code COPY … FROM STDIN} (text format) on the caller's
 * transaction's connection: for the import, one round trip per 64 KB instead of one
 * statement per row. Constraints and triggers apply as for an {@code INSERT}; the
 * application's role needs no more than {@code INSERT}.
 */
final class CopyRows implements AutoCloseable {

	private static final int FLUSH = 64 * 1024;

	private final CopyIn copy;

	private final StringBuilder buffer = new StringBuilder(FLUSH + 1024);

	private boolean firstField = true;

	private CopyRows(CopyIn copy) {
		this.copy = copy;
	}

	/** {@code table (columns)}, e.g. {@code outreach.encounters (shift_id, position)}. */
	static CopyRows into(DataSource dataSource, String tableAndColumns) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			return new CopyRows(connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY " + tableAndColumns + " FROM STDIN"));
		}
		catch (SQLException e) {
			throw new IllegalStateException("COPY could not start", e);
		}
	}

	CopyRows field(Object value) {
		if (!firstField) {
			buffer.append('\t');
		}
		firstField = false;
		if (value == null) {
			buffer.append("\\N");
			return this;
		}
		String text = value.toString();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> buffer.append("\\\\");
				case '\t' -> buffer.append("\\t");
				case '\n' -> buffer.append("\\n");
				case '\r' -> buffer.append("\\r");
				default -> buffer.append(c);
			}
		}
		return this;
	}

	CopyRows endRow() {
		buffer.append('\n');
		firstField = true;
		if (buffer.length() >= FLUSH) {
			flush();
		}
		return this;
	}

	private void flush() {
		byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
		buffer.setLength(0);
		try {
			copy.writeToCopy(bytes, 0, bytes.length);
		}
		catch (SQLException e) {
			throw new UncheckedIOException(new IOException("COPY failed", e));
		}
	}

	/** Sends the rest and ends the COPY; the rows count. */
	@Override
	public void close() {
		try {
			if (!buffer.isEmpty()) {
				flush();
			}
			copy.endCopy();
		}
		catch (SQLException e) {
			throw new UncheckedIOException(new IOException("COPY failed", e));
		}
		finally {
			if (copy.isActive()) {
				try {
					copy.cancelCopy();
				}
				catch (SQLException ignored) {
					// the transaction rolls back anyway
				}
			}
		}
	}

}
