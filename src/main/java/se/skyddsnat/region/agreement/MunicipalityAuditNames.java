package se.skyddsnat.region.agreement;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

import se.skyddsnat.audit.AuditNames;
import se.skyddsnat.region.Municipalities;

/**
 * The access log names a municipality in a detail ({@code @municipality:0180}) by its
 * name, "Stockholm".
 */
@Component
@RequiredArgsConstructor
class MunicipalityAuditNames implements AuditNames {

	static final String MUNICIPALITY = "municipality";

	private final Municipalities municipalities;

	@Override
	public boolean names(String subjectType) {
		return MUNICIPALITY.equals(subjectType);
	}

	@Override
	public Map<String, String> of(String subjectType, Collection<String> ids) {
		var names = new HashMap<String, String>();
		municipalities.all()
			.stream()
			.filter(m -> ids.contains(m.code().value()))
			.forEach(m -> names.put(m.code().value(), m.name()));
		return names;
	}

}
