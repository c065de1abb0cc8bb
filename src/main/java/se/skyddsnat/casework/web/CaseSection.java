package se.skyddsnat.casework.web;

import java.util.Map;

import se.skyddsnat.casework.CaseFile;

/**
 * A part of the case page contributed by a capability (journal, referrals, trafficking
 * track, ...): a template fragment {@code section} in {@link #template()} and the model
 * it needs. The case page shows every section in {@link #order()}; each section's service
 * checks access itself, as everywhere.
 */
public interface CaseSection {

	/**
	 * The template holding a {@code th:fragment="section"}, e.g.
	 * {@code casework/journal}.
	 */
	String template();

	int order();

	/**
	 * Whether the section shows the case's own records (journal, track, ...), which a
	 * share by referral does not open: the case page leaves such sections out for a
	 * reader who sees the case only through a handover.
	 */
	default boolean caseRecords() {
		return true;
	}

	/**
	 * The section on the case's print view, as a fragment expression
	 * ({@code casework/case-print :: journal}) that reads the same model; null: the
	 * section is not printed.
	 */
	default String printFragment() {
		return null;
	}

	/** Model attributes for the fragment, read for the case the user is looking at. */
	Map<String, Object> model(CaseFile caseFile);

}
