package se.skyddsnat.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * At least 12 characters, at most 128, not a common password (nor one with digits or
 * signs added at the end), and not the user name. Length beats complexity rules (NIST SP
 * 800-63B).
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 12;
	static final int MAX_LENGTH = 128;

	private final Set<String> common;

	PasswordPolicy() {
		this.common = load("identity/common-passwords.txt");
	}

	/**
	 * The message key of the first rule the password breaks, or empty if it is
	 * acceptable.
	 */
	Optional<String> check(String password, String username) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("password.error.tooShort");
		}
		if (password.length() > MAX_LENGTH) {
			return Optional.of("password.error.tooLong");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		String stem = lower.replaceAll("[^\\p{L}]+$", "").replaceAll("^[^\\p{L}]+", "");
		if (common.contains(lower) || common.contains(stem) || lower.chars().distinct().count() <= 3) {
			return Optional.of("password.error.common");
		}
		if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
			return Optional.of("password.error.containsUsername");
		}
		return Optional.empty();
	}

	private static Set<String> load(String resource) {
		var set = new HashSet<String>(64_000);
		try (var in = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			in.lines()
				.filter(l -> !l.isBlank() && !l.startsWith("#"))
				.map(l -> l.trim().toLowerCase(Locale.ROOT))
				.forEach(set::add);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return Set.copyOf(set);
	}

}
