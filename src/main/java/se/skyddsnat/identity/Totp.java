package se.skyddsnat.identity;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as every authenticator app computes them (RFC 6238 over
 * RFC 4226): HMAC-SHA1 of the number of 30-second steps since the epoch, six digits. A
 * code of the step before or after is accepted too (a phone's clock may be half a minute
 * off).
 */
final class Totp {

	static final int DIGITS = 6;
	static final long STEP_SECONDS = 30;

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Totp() {
	}

	static long step(Instant now) {
		return Math.floorDiv(now.getEpochSecond(), STEP_SECONDS);
	}

	/** The code of one step: six digits, with leading zeros. */
	static String code(byte[] secret, long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The step whose code this is (now, one before or one after) if that step is later
	 * than {@code lastUsedStep}; else -1. Compares every candidate in constant time.
	 */
	static long matchingStep(byte[] secret, String code, Instant now, long lastUsedStep) {
		if (code == null || !code.matches("\\d{6}")) {
			return -1;
		}
		long current = step(now);
		long found = -1;
		for (long s = current - 1; s <= current + 1; s++) {
			if (java.security.MessageDigest.isEqual(code(secret, s).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII)) && s > lastUsedStep && found < 0) {
				found = s;
			}
		}
		return found;
	}

	static String base32(byte[] bytes) {
		var sb = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				sb.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			sb.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return sb.toString();
	}

	static byte[] fromBase32(String text) {
		var out = new ByteArrayOutputStream();
		int buffer = 0;
		int bits = 0;
		for (char c : text.toUpperCase(Locale.ROOT).replaceAll("[\\s=-]", "").toCharArray()) {
			int v = BASE32.indexOf(c);
			if (v < 0) {
				throw new IllegalArgumentException("Not base32");
			}
			buffer = (buffer << 5) | v;
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

	/** What an authenticator app reads (typed in, or from a QR code of this text). */
	static String uri(String issuer, String account, byte[] secret) {
		String label = enc(issuer) + ":" + enc(account);
		return "otpauth://totp/" + label + "?secret=" + base32(secret) + "&issuer=" + enc(issuer)
				+ "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
