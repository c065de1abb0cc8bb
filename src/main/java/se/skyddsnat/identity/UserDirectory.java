package se.skyddsnat.identity;

import java.util.Collection;
import java.util.Map;

/**
 * What other modules may ask about users: how a worker is named where a person reads it
 * (never the user name).
 */
public interface UserDirectory {

	/**
	 * The display names of these users by user name, in one query; an unknown user name
	 * is left out.
	 */
	Map<String, String> displayNames(Collection<String> usernames);

	/**
	 * The display name of one user, or the user name itself when there is no such user (a
	 * system actor).
	 */
	default String displayName(String username) {
		return username == null ? null : displayNames(java.util.List.of(username)).getOrDefault(username, username);
	}

}
