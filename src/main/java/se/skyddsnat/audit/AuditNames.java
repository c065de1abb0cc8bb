package se.skyddsnat.audit;

import java.util.Collection;
import java.util.Map;

/**
 * Names the records of an audit row as the current reader may see them, for the access
 * log's pages: a module that owns a kind of record implements it (case work names people
 * and cases: "Amira (alias)", "Skyddad identitet"; identity names users, units and actors
 * by display name). Asked once per kind for a whole page.
 */
public interface AuditNames {

	/**
	 * The pseudo-kind of an actor: the user name of whoever did it, named by display
	 * name.
	 */
	String ACTOR = "actor";

	/**
	 * Whether this names the records of this kind ({@link AuditSubject#code()}, or
	 * {@link #ACTOR}).
	 */
	boolean names(String subjectType);

	/**
	 * The names of those of these records the reader may see, by id; the others are left
	 * out.
	 */
	Map<String, String> of(String subjectType, Collection<String> ids);

}
