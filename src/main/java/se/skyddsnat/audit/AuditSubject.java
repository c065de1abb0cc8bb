package se.skyddsnat.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an audit row is about: the kind of record, stored as its {@link #code()} (the
 * column {@code subject_type}) and shown as the message {@code audit.subject.<code>}. One
 * list for the whole system, so that the access log and the log reviews name every record
 * the same way.
 */
public enum AuditSubject {

	PERSON("person"), CASE("case"), REFERRAL("referral"), EMERGENCY_ACCESS("emergency_access"), TASK("task"),
	SHIFT("shift"), SHIFT_IMPORT("shift-import"), OUTREACH_STATISTICS("outreach-statistics"),
	USAGE_REPORT("usage-report"), FOLLOWUP_REPORT("followup-report"), GRANT("grant"), NOTICE("notice"),
	AGREEMENT("agreement"), MEETING("meeting"), CONSULTATION("consultation"), DIALOGUE_ENTRY("dialogue_entry"),
	POPULATION_TABLE("population-table"), COST_YEAR("cost-year"), COST_AREA("cost-area"), USER("user"),
	USER_ACTIVITY("user_activity"), UNIT("unit"), AUDIT_CHAIN("audit-chain"), OUTBOX_MAIL("outbox mail"),
	TRAINING_SESSION("training-session"),
	/** A manager's approval of the records that fall due for retention (gallring). */
	RETENTION_APPROVAL("retention approval");

	private final String code;

	AuditSubject(String code) {
		this.code = code;
	}

	/** As stored in the audit log. */
	public String code() {
		return code;
	}

	/** The message key of its name in the access log. */
	public String messageKey() {
		return "audit.subject." + code.replace('-', '_').replace(' ', '_');
	}

	public static Optional<AuditSubject> ofCode(String code) {
		return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
	}

	@Override
	public String toString() {
		return code.toLowerCase(Locale.ROOT);
	}

}
