package se.skyddsnat.casework;

/** What a task asks of the unit. Shown as {@code task.kind.<NAME>}. */
public enum TaskKind {

	CONTACT_GUARDIANS, CONCERN_REPORT;

	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
