package se.skyddsnat.support;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit log's rows as a test asks for them:
 * {@code audit().by("anna").kind("READ").subject("case", 5).purposes()}. Each call
 * narrows the rows; the last one reads them.
 */
public final class AuditRows {

	private final JdbcClient jdbc;

	private final List<String> conditions;

	private final List<Object> params;

	AuditRows(JdbcClient jdbc) {
		this(jdbc, List.of(), List.of());
	}

	private AuditRows(JdbcClient jdbc, List<String> conditions, List<Object> params) {
		this.jdbc = jdbc;
		this.conditions = conditions;
		this.params = params;
	}

	public AuditRows by(String actor) {
		return where("actor = ?", actor);
	}

	public AuditRows kind(String kind) {
		return where("kind = ?", kind);
	}

	public AuditRows subject(String type) {
		return where("subject_type = ?", type);
	}

	public AuditRows subject(String type, Object id) {
		return where("subject_type = ?", type).where("subject_id = ?", String.valueOf(id));
	}

	/** Any other condition on audit.audit_log's columns, with its parameters. */
	public AuditRows where(String condition, Object... values) {
		var c = new ArrayList<>(conditions);
		c.add(condition);
		var p = new ArrayList<>(params);
		p.addAll(List.of(values));
		return new AuditRows(jdbc, List.copyOf(c), List.copyOf(p));
	}

	public long count() {
		return jdbc.sql("SELECT count(*) FROM audit.audit_log" + whereClause())
			.params(params)
			.query(Long.class)
			.single();
	}

	/** The read purposes, oldest first. */
	public List<String> purposes() {
		return column("purpose");
	}

	/** The details, oldest first. */
	public List<String> details() {
		return column("details");
	}

	/** Who wrote the rows, oldest first. */
	public List<String> actors() {
		return column("actor");
	}

	/** The kinds, oldest first. */
	public List<String> kinds() {
		return column("kind");
	}

	private List<String> column(String name) {
		return jdbc.sql("SELECT " + name + " FROM audit.audit_log" + whereClause() + " ORDER BY id")
			.params(params)
			.query(String.class)
			.list();
	}

	private String whereClause() {
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

}
