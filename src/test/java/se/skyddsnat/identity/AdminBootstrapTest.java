package se.skyddsnat.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import se.skyddsnat.SkyddsnatApplication;

/**
 * A first administrator whose password breaks a rule stops the start with the rule in
 * plain words — what an operator reads in the log — and no stack trace, no message key.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdminBootstrapTest {

	@Test
	void shouldStopTheStartNamingTheBrokenPasswordRuleInPlainWords(@TempDir Path dataDir, CapturedOutput output) {
		assertThatThrownBy(() -> new SpringApplicationBuilder(SkyddsnatApplication.class).run(
				"--skyddsnat.data-dir=" + dataDir, "--server.port=0", "--spring.main.banner-mode=off",
				"--skyddsnat.admin.username=chefen", "--skyddsnat.admin.password=Chefen-i-Skogen-2026"));

		assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
			.contains("The first administrator cannot be created from SKYDDSNAT_ADMIN_USERNAME and "
					+ "SKYDDSNAT_ADMIN_PASSWORD: The password must not contain the user name.")
			.doesNotContain("Violation[")
			.doesNotContain("messageKey")
			.doesNotContain("password.error")
			.doesNotContain("FirstAdministratorRefused")
			.doesNotContain("\tat se.skyddsnat");
	}

}
