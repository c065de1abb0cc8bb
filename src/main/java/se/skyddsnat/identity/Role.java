package se.skyddsnat.identity;

/**
 * The roles of the organisation; a user may hold several. Shown in the UI as
 * {@code role.<NAME>}.
 */
public enum Role {

	ADMIN, COORDINATOR, MANAGER, CASEWORKER, ANALYST;

	public String authority() {
		return "ROLE_" + name();
	}

}
