package se.skyddsnat.outreach;

import java.util.List;

/**
 * Children met on many shifts at once (an import): one event for all of them, so that
 * case work makes their tasks in one statement. Each is what {@link MinorEncountered}
 * would say alone.
 */
public record MinorsEncountered(List<MinorEncountered> minors) {

	public MinorsEncountered {
		minors = List.copyOf(minors);
	}
}
