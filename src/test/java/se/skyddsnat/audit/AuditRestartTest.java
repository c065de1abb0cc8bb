package se.skyddsnat.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import se.skyddsnat.SkyddsnatApplication;
import se.skyddsnat.audit.AuditReview.ChainProblem;
import se.skyddsnat.audit.AuditReview.CheckpointState;

/**
 * The chain across a shutdown and a start, as an operator runs it: the shutdown seals and
 * anchors the head, the next start verifies against that checkpoint, and a key rotation
 * (a new line in the key file, then a restart) signs new links with the new key while the
 * old links still verify with the old one.
 */
@ExtendWith(OutputCaptureExtension.class)
class AuditRestartTest {

	@Test
	void shouldCheckpointOnShutdownAndKeepVerifyingAcrossAKeyRotation(@TempDir Path dataDir, CapturedOutput output)
			throws Exception {
		Path keyFile;
		String firstKey;
		long headAtShutdown;
		try (var first = start(dataDir)) {
			write(first, "before-rotation", 5);
			var keys = first.getBean(AuditKeys.class);
			keyFile = keys.keyFile();
			firstKey = keys.current().id();
			// rows written just before the shutdown are sealed and anchored by the
			// shutdown itself
			headAtShutdown = first.getBean(JdbcClient.class)
				.sql("SELECT count(*) FROM audit.audit_log")
				.query(Long.class)
				.single();
		}
		String lastLine = Files.readAllLines(dataDir.resolve("audit").resolve(Checkpoints.FILE_NAME)).getLast();
		assertThat(lastLine).startsWith("v1 position=" + headAtShutdown + " ").contains(" key=" + firstKey + " sig=");
		assertThat(output.getOut()).contains("Audit checkpoint " + lastLine);

		Files.writeString(keyFile, AuditKeys.newKeyLine() + "\n", StandardOpenOption.APPEND);
		try (var second = start(dataDir)) {
			var keys = second.getBean(AuditKeys.class);
			String secondKey = keys.current().id();
			assertThat(secondKey).isNotEqualTo(firstKey);
			assertThat(keys.ids()).containsExactly(firstKey, secondKey);
			var atStart = second.getBean(AuditReview.class).verifyChain();
			assertThat(atStart.checkpointState()).isEqualTo(CheckpointState.AGREES);
			assertThat(atStart.checkpoint().position()).isEqualTo(headAtShutdown);

			write(second, "after-rotation", 3);
			var jdbc = second.getBean(JdbcClient.class);
			assertThat(jdbc
				.sql("SELECT DISTINCT c.key_id FROM audit.chain c JOIN audit.audit_log a ON a.id = c.entry_id "
						+ "WHERE a.actor LIKE 'after-rotation%'")
				.query(String.class)
				.list()).containsExactly(secondKey);
			var verifier = second.getBean(ChainVerifier.class);
			var full = verifier.verifyFully();
			assertThat(full.intact()).isTrue();
			assertThat(full.verifiedFromStart()).isTrue();
			assertThat(full.sealed()).isGreaterThan(headAtShutdown);

			// without the old key the old links cannot be verified: that is why rotation
			// keeps it
			String secondSecret = Files.readAllLines(keyFile).getLast();
			var onlyNew = new AuditKeys(secondSecret, null);
			var withoutOldKey = new ChainVerifier(second.getBean(javax.sql.DataSource.class),
					second.getBean(org.springframework.transaction.PlatformTransactionManager.class), onlyNew,
					second.getBean(Checkpoints.class), second.getBean(AuditSealer.class),
					second.getBean(java.time.Clock.class))
				.verifyFully();
			assertThat(withoutOldKey.problem()).isEqualTo(ChainProblem.UNKNOWN_KEY);
			assertThat(withoutOldKey.firstBrokenPosition()).isEqualTo(1);
			assertThat(withoutOldKey.unknownKeyId()).isEqualTo(firstKey);
			assertThat(Base64.getDecoder().decode(secondSecret)).hasSize(32);
		}
		assertThat(Files.readAllLines(dataDir.resolve("audit").resolve(Checkpoints.FILE_NAME)).getLast())
			.contains(" key=")
			.doesNotContain(" key=" + firstKey + " ");
	}

	private static void write(ConfigurableApplicationContext app, String actor, int rows) {
		var log = app.getBean(AuditLog.class);
		for (int i = 0; i < rows; i++) {
			log.record(AuditEvent.of(AuditKind.LOGIN_FAILED).actor(actor + "-" + i).details("restart test"));
		}
		app.getBean(AuditSealer.class).seal();
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(SkyddsnatApplication.class).run("--skyddsnat.data-dir=" + dataDir,
				"--server.port=0", "--spring.main.banner-mode=off",
				"--skyddsnat.admin.password=Fjällbäcken-rinner-2026");
	}

}
