package se.skyddsnat.database;

/**
 * The embedded database cannot be started safely (another Skyddsnät uses the data
 * directory, or a server left running there cannot be stopped). Reported at start as a
 * plain description and action, without a stack trace
 * ({@link EmbeddedDatabaseRefusedFailureAnalyzer}).
 */
class EmbeddedDatabaseRefused extends RuntimeException {

	private final String action;

	EmbeddedDatabaseRefused(String description, String action) {
		super(description);
		this.action = action;
	}

	String action() {
		return action;
	}

}
