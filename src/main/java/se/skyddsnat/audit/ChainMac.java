package se.skyddsnat.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;

/**
 * What the chain's MACs are computed over. A link's MAC covers its position, every field
 * of its row and the previous link's MAC, and the key id, each field length-prefixed (so
 * no two different rows encode alike): change any of them, or move a row, and the MAC no
 * longer matches; compute a new one without the key and it cannot match.
 */
final class ChainMac {

	/** The "previous MAC" of the first link. */
	static final String GENESIS = "0".repeat(64);

	private static final byte[] LINK = "skyddsnat-audit-link-v1".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] CHECKPOINT = "skyddsnat-audit-checkpoint-v1".getBytes(StandardCharsets.US_ASCII);

	private ChainMac() {
	}

	static String link(Mac mac, String keyId, long position, AuditEntry e, String prevMac) {
		return HexFormat.of().formatHex(mac.doFinal(linkInput(keyId, position, e, prevMac)));
	}

	/**
	 * The bytes a link's MAC is computed over (package-visible so that tests can play an
	 * attacker without the key).
	 */
	static byte[] linkInput(String keyId, long position, AuditEntry e, String prevMac) {
		var bytes = new ByteArrayOutputStream(256);
		try (var out = new DataOutputStream(bytes)) {
			out.write(LINK);
			out.writeLong(position);
			out.writeLong(e.id());
			out.writeLong(ChronoUnit.MICROS.between(java.time.Instant.EPOCH, e.occurredAt()));
			text(out, e.actor());
			text(out, e.kind().name());
			text(out, e.subjectType());
			text(out, e.subjectId());
			texts(out, e.subjectIds());
			text(out, e.purpose());
			text(out, e.details());
			text(out, e.client());
			text(out, prevMac);
			text(out, keyId);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/** The signature of a checkpoint line's text (everything before {@code sig=}). */
	static String checkpoint(Mac mac, String text) {
		mac.update(CHECKPOINT);
		return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** Constant-time comparison of two hex MACs. */
	static boolean same(String a, String b) {
		return a != null && b != null && java.security.MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII),
				b.getBytes(StandardCharsets.US_ASCII));
	}

	private static void text(DataOutputStream out, String s) throws IOException {
		if (s == null) {
			out.writeInt(-1);
			return;
		}
		byte[] b = s.getBytes(StandardCharsets.UTF_8);
		out.writeInt(b.length);
		out.write(b);
	}

	private static void texts(DataOutputStream out, List<String> values) throws IOException {
		out.writeInt(values.size());
		for (String v : values) {
			text(out, v);
		}
	}

}
