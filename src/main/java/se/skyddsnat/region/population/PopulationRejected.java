package se.skyddsnat.region.population;

import java.util.List;

import se.skyddsnat.shared.InvalidInput;

/**
 * A population table refused as a whole: the first problems (at most
 * {@link se.skyddsnat.shared.FirstErrors#SHOWN}) with their line (1 = the header, 0 = the
 * table or the year as a whole) and column, and how many there were in all. Answered like
 * all bad input (400, problem+json with {@code errors: [{line, column, message}]} and
 * {@code errorCount}); the page lists them.
 */
public class PopulationRejected extends InvalidInput {

	PopulationRejected(List<LineError> problems, int total) {
		super("population.rejected", problems, total);
	}

	/** A table refused for one problem. */
	static PopulationRejected of(int line, String column, String messageKey, Object... args) {
		return new PopulationRejected(List.of(problem(line, column, messageKey, args)), 1);
	}

	static LineError problem(int line, String column, String messageKey, Object... args) {
		return new LineError(null, line, column, messageKey, args);
	}

	/** The first problems, in line order. */
	public List<LineError> problems() {
		return lineErrors();
	}

	/** How many problems the table had. */
	public int total() {
		return errorCount();
	}

}
