package se.skyddsnat.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * The codes are those of RFC 6238's test vectors (SHA-1, last six of the eight digits),
 * as every app computes them.
 */
class TotpTest {

	private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@Test
	void shouldComputeTheCodesOfRfc6238() {
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(20000000000L)))).isEqualTo("353130");
	}

	@Test
	void shouldAcceptTheNeighbouringStepsOnceAndNothingElse() {
		Instant now = Instant.ofEpochSecond(1234567890);
		long step = Totp.step(now);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, 0)).isEqualTo(step - 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now, 0)).isEqualTo(step + 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now, 0)).isEqualTo(-1);
		// a code already used (its step, or a later one, accepted before) is refused
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, step), now, step)).isEqualTo(-1);
		assertThat(Totp.matchingStep(RFC_SECRET, "12345", now, 0)).isEqualTo(-1);
		assertThat(Totp.matchingStep(RFC_SECRET, null, now, 0)).isEqualTo(-1);
	}

	@Test
	void shouldWriteAndReadBase32AsAppsDo() {
		assertThat(Totp.base32(RFC_SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(Totp.fromBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")).isEqualTo(RFC_SECRET);
		assertThat(Totp.uri("Skyddsnät", "anna", RFC_SECRET)).isEqualTo("otpauth://totp/Skydds"
				+ "n%C3%A4t:anna?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Skyddsn%C3%A4t&algorithm=SHA1&digits=6&period=30");
	}

}
