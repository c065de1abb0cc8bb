package se.skyddsnat.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import se.skyddsnat.audit.AuditNames;
import se.skyddsnat.audit.AuditSubject;

/**
 * The access log names workers by display name (as actor and as a user record) and units
 * by name.
 */
@Component
@RequiredArgsConstructor
class IdentityAuditNames implements AuditNames {

	private final UserDirectory users;

	private final UnitDirectory units;

	private final JdbcClient jdbc;

	@Override
	public boolean names(String subjectType) {
		return ACTOR.equals(subjectType) || AuditSubject.USER.code().equals(subjectType)
				|| AuditSubject.UNIT.code().equals(subjectType);
	}

	@Override
	public Map<String, String> of(String subjectType, Collection<String> ids) {
		if (ACTOR.equals(subjectType)) {
			return users.displayNames(ids);
		}
		var names = new HashMap<String, String>();
		if (AuditSubject.UNIT.code().equals(subjectType)) {
			units.all()
				.stream()
				.filter(u -> ids.contains(u.code().value()))
				.forEach(u -> names.put(u.code().value(), u.name()));
			return names;
		}
		List<Long> numbers = ids.stream().filter(id -> id.matches("[0-9]{1,18}")).map(Long::valueOf).toList();
		if (!numbers.isEmpty()) {
			jdbc.sql("SELECT id, display_name FROM identity.users WHERE id = ANY (?)")
				.param(numbers.toArray(Long[]::new))
				.query((rs, n) -> Map.entry(String.valueOf(rs.getLong(1)), rs.getString(2)))
				.list()
				.forEach(e -> names.put(e.getKey(), e.getValue()));
		}
		return names;
	}

}
