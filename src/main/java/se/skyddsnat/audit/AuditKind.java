package se.skyddsnat.audit;

/**
 * What an audit row records. The UI shows each kind through the message
 * {@code audit.kind.<NAME>}.
 */
public enum AuditKind {

	LOGIN, LOGIN_FAILED, LOGIN_REFUSED, ACCOUNT_LOCKED, LOGOUT, TOKEN_ISSUED, TOKEN_REFUSED, PASSWORD_CHANGED,
	USER_CREATED, USER_CHANGED,
	/**
	 * A second factor enrolled, a recovery code used, or a factor reset by an
	 * administrator.
	 */
	SECOND_FACTOR_CHANGED, UNIT_CREATED, UNIT_CHANGED,
	/** A read of personal data: who read what, and for which purpose. */
	READ,
	/** A change of personal data or other records that must be traceable. */
	CHANGE,
	/** An administrator's full re-verification of the audit chain. */
	CHAIN_VERIFIED

}
