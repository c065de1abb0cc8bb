package se.skyddsnat.identity;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Display names of users by user name, from {@code identity.users}. */
@Repository
@RequiredArgsConstructor
class UserNames implements UserDirectory {

	private final JdbcClient jdbc;

	@Override
	public Map<String, String> displayNames(Collection<String> usernames) {
		var names = new LinkedHashMap<String, String>();
		if (usernames.isEmpty()) {
			return names;
		}
		jdbc.sql("SELECT username, display_name FROM identity.users WHERE username = ANY (?)")
			.param(usernames.stream().distinct().toArray(String[]::new))
			.query((rs, n) -> Map.entry(rs.getString("username"), rs.getString("display_name")))
			.list()
			.forEach(e -> names.put(e.getKey(), e.getValue()));
		return names;
	}

}
