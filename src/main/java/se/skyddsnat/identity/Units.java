package se.skyddsnat.identity;

import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import se.skyddsnat.audit.AuditDetails;
import se.skyddsnat.audit.AuditEvent;
import se.skyddsnat.audit.AuditKind;
import se.skyddsnat.audit.AuditLog;
import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.UnitCode;
import se.skyddsnat.audit.AuditSubject;

/** The units of the organisation, in {@code identity.units}. */
@Repository
@RequiredArgsConstructor
class Units implements UnitDirectory {

	private static final RowMapper<Unit> UNIT = (rs, n) -> new Unit(rs.getLong("id"), UnitCode.of(rs.getString("code")),
			rs.getString("name"), rs.getBoolean("active"));

	private final JdbcClient jdbc;

	private final AuditLog audit;

	@Override
	public List<Unit> all() {
		return jdbc.sql("SELECT * FROM identity.units ORDER BY active DESC, name").query(UNIT).list();
	}

	@Override
	public Optional<Unit> find(UnitCode code) {
		return jdbc.sql("SELECT * FROM identity.units WHERE code = ?").param(code.value()).query(UNIT).optional();
	}

	Optional<Unit> find(long id) {
		return jdbc.sql("SELECT * FROM identity.units WHERE id = ?").param(id).query(UNIT).optional();
	}

	@Transactional
	Unit create(String code, String name) {
		var errors = new java.util.ArrayList<InvalidInput.Violation>();
		if (!UnitCode.isValid(code)) {
			errors.add(new InvalidInput.Violation("code", "unit.error.code"));
		}
		else if (find(UnitCode.of(code)).isPresent()) {
			errors.add(new InvalidInput.Violation("code", "unit.error.codeTaken"));
		}
		var in = Input.of();
		String text = in.required("name", name, IdentityLimits.UNIT_NAME, "unit.error.name");
		errors.addAll(in.violations());
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		long id = jdbc.sql("INSERT INTO identity.units (code, name) VALUES (?, ?) RETURNING id")
			.params(code.trim(), text)
			.query(Long.class)
			.single();
		audit.record(AuditEvent.of(AuditKind.UNIT_CREATED).subject(AuditSubject.UNIT, code.trim()));
		return find(id).orElseThrow();
	}

	@Transactional
	Unit update(long id, String name, boolean active) {
		Unit unit = find(id).orElseThrow(() -> InvalidInput.of("id", "unit.error.notFound"));
		var in = Input.of();
		String text = in.required("name", name, IdentityLimits.UNIT_NAME, "unit.error.name");
		in.check();
		jdbc.sql("UPDATE identity.units SET name = ?, active = ? WHERE id = ?").params(text, active, id).update();
		audit.record(AuditEvent.of(AuditKind.UNIT_CHANGED)
			.subject(AuditSubject.UNIT, unit.code().value())
			.details(AuditDetails.of(active ? "unit.active" : "unit.inactive")));
		return find(id).orElseThrow();
	}

}
