package se.skyddsnat.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void shouldRefuseShortPasswords() {
		assertThat(policy.check("Kort-ord-11", "anna")).hasValue("password.error.tooShort");
		assertThat(policy.check(null, "anna")).hasValue("password.error.tooShort");
	}

	@Test
	void shouldRefuseCommonPasswordsAlsoWithDigitsOrSignsAdded() {
		assertThat(policy.check("qwertyuiop123", "anna")).hasValue("password.error.common");
		assertThat(policy.check("Password2026!!", "anna")).hasValue("password.error.common");
		assertThat(policy.check("aaaaaaaaaaaaaaa", "anna")).hasValue("password.error.common");
	}

	@Test
	void shouldRefuseThePasswordThatContainsTheUserName() {
		assertThat(policy.check("svensson-sommar-2026", "svensson")).hasValue("password.error.containsUsername");
	}

	@Test
	void shouldAcceptALongPassphrase() {
		assertThat(policy.check("Blåbärsskog vid sjön", "anna")).isEmpty();
		assertThat(policy.check("korrekt häst batteri häftklammer", "anna")).isEmpty();
	}

}
