package se.skyddsnat.training.booking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Random tokens for links (256 bits, URL-safe Base64) and their SHA-256, the only form in
 * which they are kept.
 */
public final class Tokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

	private Tokens() {
	}

	public static String random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * The hash of a token as it arrived; null when it is not one of ours (then nothing is
	 * looked up).
	 */
	public static byte[] hash(String token) {
		if (token == null || !FORMAT.matcher(token).matches()) {
			return null;
		}
		return sha256(token);
	}

	static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
