package se.skyddsnat.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the chain's keys come from, how a rotation adds one, and what a bad key is told.
 */
class AuditKeysTest {

	@Test
	void shouldCreateTheKeyFileOnceWithOwnerOnlyPermissionsAndKeepUsingIt(@TempDir Path dir) throws Exception {
		Path file = AuditDirectory.at(dir.resolve("audit")).resolve(AuditKeys.FILE_NAME);
		var first = new AuditKeys(null, file);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("audit"))))
			.isEqualTo("rwx------");
		byte[] secret = Base64.getDecoder().decode(Files.readString(file).strip());
		assertThat(secret).hasSize(32);
		assertThat(first.current().id()).isEqualTo(AuditKeys.id(secret)).hasSize(16);

		var restarted = new AuditKeys("", file);
		assertThat(restarted.current().id()).isEqualTo(first.current().id());
		assertThat(restarted.keyFile()).isEqualTo(file);
	}

	@Test
	void shouldSignWithTheLastKeyAndVerifyWithEveryKeyAfterARotation(@TempDir Path dir) throws Exception {
		Path file = dir.resolve(AuditKeys.FILE_NAME);
		var before = new AuditKeys(null, file);
		// the documented rotation: append a new key line, restart
		Files.writeString(file, "# rotated 2026-12-02\n" + AuditKeys.newKeyLine() + "\n", StandardOpenOption.APPEND);
		var after = new AuditKeys(null, file);

		assertThat(after.current().id()).isNotEqualTo(before.current().id());
		assertThat(after.find(before.current().id())).isPresent();
		assertThat(after.ids()).containsExactly(before.current().id(), after.current().id());
	}

	@Test
	void shouldTakeTheKeysFromTheEnvironmentWhenGivenAndNotTouchTheFile(@TempDir Path dir) {
		String old = AuditKeys.newKeyLine();
		String current = AuditKeys.newKeyLine();
		Path file = dir.resolve(AuditKeys.FILE_NAME);

		var keys = new AuditKeys(old + ", " + current, file);

		assertThat(keys.current().id()).isEqualTo(AuditKeys.id(Base64.getDecoder().decode(current)));
		assertThat(keys.find(AuditKeys.id(Base64.getDecoder().decode(old)))).isPresent();
		assertThat(keys.keyFile()).isNull();
		assertThat(file).doesNotExist();
	}

	@Test
	void shouldRefuseAShortOrMalformedKeyWithoutRepeatingIt(@TempDir Path dir) {
		String shortKey = Base64.getEncoder().encodeToString("sixteen-bytes-xx".getBytes());
		assertThatThrownBy(() -> new AuditKeys(shortKey, dir.resolve("k"))).hasMessageContaining("16 bytes")
			.hasMessageContaining("at least 32")
			.hasMessageNotContaining(shortKey);
		assertThatThrownBy(() -> new AuditKeys("not*base64!", dir.resolve("k")))
			.hasMessageContaining("not valid base64")
			.hasMessageNotContaining("not*base64!");
	}

	@Test
	void shouldNeverShowTheSecretInItsText(@TempDir Path dir) {
		var keys = new AuditKeys(null, dir.resolve(AuditKeys.FILE_NAME));
		assertThat(keys.current().toString()).isEqualTo("Key[" + keys.current().id() + "]");
	}

}
