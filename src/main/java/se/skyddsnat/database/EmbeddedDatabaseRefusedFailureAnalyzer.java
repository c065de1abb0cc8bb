package se.skyddsnat.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link EmbeddedDatabaseRefused} into Spring Boot's "APPLICATION FAILED TO START"
 * text, with no stack trace.
 */
class EmbeddedDatabaseRefusedFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseRefused> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseRefused cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
