package se.skyddsnat.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The first administrator from
 * {@code SKYDDSNAT_ADMIN_USERNAME}/{@code SKYDDSNAT_ADMIN_PASSWORD} breaks a rule: the
 * start stops, and Spring Boot's failure report says which rule in plain words — no stack
 * trace, no message keys.
 */
class FirstAdministratorRefused extends RuntimeException {

	FirstAdministratorRefused(String rules) {
		super(rules);
	}

	/** Registered in {@code META-INF/spring.factories}. */
	static class Analyzer extends AbstractFailureAnalyzer<FirstAdministratorRefused> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, FirstAdministratorRefused cause) {
			return new FailureAnalysis(
					"The first administrator cannot be created from SKYDDSNAT_ADMIN_USERNAME and "
							+ "SKYDDSNAT_ADMIN_PASSWORD: " + cause.getMessage(),
					"Set SKYDDSNAT_ADMIN_PASSWORD to a password of 12 to 128 characters that is not a common password "
							+ "and does not contain the user name, and start again; or leave it unset to get a one-time "
							+ "password in the log.",
					null);
		}

	}

}
