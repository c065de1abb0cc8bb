package se.skyddsnat.followup.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/** A report as blocks, with its title and period: what both formats render. */
public record ReportDocument(String title, LocalDate from, LocalDate to, List<Block> blocks) {

	/**
	 * All the text, a block a line: what the report says (the same records and period
	 * give the same text).
	 */
	public String text() {
		var b = new StringBuilder(title).append('\n');
		for (Block block : blocks) {
			switch (block) {
				case Block.Heading h -> b.append(h.text());
				case Block.Paragraph p -> b.append(p.text());
				case Block.Note n -> b.append(n.text());
				case Block.Table t -> {
					b.append(String.join(" | ", t.header()));
					t.rows().forEach(r -> b.append('\n').append(String.join(" | ", r)));
				}
			}
			b.append('\n');
		}
		return b.toString();
	}

	/** SHA-256 of {@link #text()}, hex. */
	public String textHash() {
		return sha256(text().getBytes(StandardCharsets.UTF_8));
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
