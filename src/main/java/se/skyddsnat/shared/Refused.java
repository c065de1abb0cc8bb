package se.skyddsnat.shared;

import java.util.Map;

/**
 * A request the domain refuses for what happened, not for how it was typed: the state
 * does not allow it (409), the record is already done, a rule of the work says no. Named
 * after what happened ({@code ReferralRefused}, {@code TaskAlreadyDone}, …), it carries
 * its HTTP status, a message key with its arguments (resolved in the reader's language by
 * the web layer, which turns every refusal into problem+json in one place) and the
 * properties the answer gives a client to act on (ids and codes, never personal data).
 * Bad input is {@link InvalidInput}, not this.
 */
public abstract class Refused extends RuntimeException {

	private final int status;

	private final String messageKey;

	private final transient Object[] args;

	protected Refused(int status, String messageKey, Object... args) {
		super(messageKey);
		this.status = status;
		this.messageKey = messageKey;
		this.args = args;
	}

	/** The HTTP status of the answer, e.g. 409. */
	public int status() {
		return status;
	}

	/**
	 * The message that says what happened; its arguments may themselves be message
	 * resolvables.
	 */
	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args;
	}

	/**
	 * The message key of the problem's title; by default the status's own
	 * ({@code problem.status.409}).
	 */
	public String titleKey() {
		return "problem.status." + status;
	}

	/** Extra members of the problem+json answer (ids, codes), in order. */
	public Map<String, Object> properties() {
		return Map.of();
	}

}
