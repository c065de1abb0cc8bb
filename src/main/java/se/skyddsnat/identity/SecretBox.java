package se.skyddsnat.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the second-factor secrets (AES-256-GCM, a random nonce per secret, the user's
 * id as associated data so a secret cannot be moved to another user's row). The key is
 * kept outside the database: {@code
 * SKYDDSNAT_SECOND_FACTOR_KEY} (base64, 32 bytes) when set, else the file
 * {@code identity/second-factor.key} under the data directory, created at the first start
 * with owner-only permissions. A copy of the database alone yields no secret. The key is
 * never logged; back it up with the database (without it, every user must enrol again).
 */
@Component
class SecretBox {

	static final String FILE_NAME = "second-factor.key";

	private static final int NONCE = 12;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	SecretBox(@Value("${skyddsnat.identity.second-factor-key:}") String configured,
			@Value("${skyddsnat.data-dir}") Path dataDir) {
		byte[] bytes = configured.isBlank() ? readOrCreate(dataDir.resolve("identity").resolve(FILE_NAME))
				: Base64.getDecoder().decode(configured.strip());
		if (bytes.length != 32) {
			throw new IllegalStateException("The second-factor key must be 32 bytes (base64)");
		}
		this.key = new SecretKeySpec(bytes, "AES");
	}

	byte[] seal(long userId, byte[] plain) {
		try {
			byte[] nonce = new byte[NONCE];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
			cipher.updateAAD(aad(userId));
			byte[] sealed = cipher.doFinal(plain);
			return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	byte[] open(long userId, byte[] sealed) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, NONCE));
			cipher.updateAAD(aad(userId));
			return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("A second-factor secret could not be decrypted (another key?)");
		}
	}

	private static byte[] aad(long userId) {
		return ("skyddsnat-totp:" + userId).getBytes(StandardCharsets.US_ASCII);
	}

	private byte[] readOrCreate(Path file) {
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.getParent());
				byte[] fresh = new byte[32];
				random.nextBytes(fresh);
				try {
					Files.createFile(file,
							PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
					Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n", StandardOpenOption.WRITE);
					return fresh;
				}
				catch (FileAlreadyExistsException raced) {
					// another start created it: read theirs
				}
			}
			return Base64.getDecoder().decode(Files.readString(file).strip());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
