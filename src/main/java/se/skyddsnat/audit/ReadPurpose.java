package se.skyddsnat.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why personal data was read (or, for a few changes, in which context): stored as its
 * {@link #code()} (the column {@code purpose}) and shown as the message
 * {@code audit.purpose.<code>}. The purposes a log review asks about.
 */
public enum ReadPurpose {

	/** A record opened on its own page or by id in the API. */
	VIEW("view"),
	/** A row of a list. */
	LIST("list"), SEARCH_HIT("search hit"), DUPLICATE_CHECK("duplicate check"),
	SHOW_PROTECTED_IDENTITY("show protected identity"), EMERGENCY("emergency"), EXPORT("export"), JOURNAL("journal"),
	TRAFFICKING_TRACK("trafficking track"), STODCENTRUM("stodcentrum"), CONSENTS("consents"), REMINDER("reminder"),
	CASE_PAGE("case page"), INCOMING_LIST("incoming list"),
	/** The case behind a form: a referral's, a consent's. */
	REFERRAL("referral"), CONSENT("consent"),
	/** The person a new case is opened for. */
	OPEN_CASE("open case"), EXTERNAL_REFERRAL("external referral"), ACCESS_LOG_REVIEW("access-log review"),
	/** A person's register extract (GDPR art. 15), across every unit. */
	REGISTER_EXTRACT("register extract"),
	/**
	 * The records that fall due for retention, shown to the unit's manager before
	 * approval.
	 */
	RETENTION("retention"),
	/** An administrator reading what the outbox holds (Utkorg). */
	OUTBOX("outbox"), OUTBOX_ATTACHMENT("outbox attachment"),
	/**
	 * An organiser reading a training session's participants (list, sign-in sheet, API).
	 */
	PARTICIPANT_LIST("participant list");

	private final String code;

	ReadPurpose(String code) {
		this.code = code;
	}

	/** As stored in the audit log. */
	public String code() {
		return code;
	}

	/** The message key of its name in the access log. */
	public String messageKey() {
		return "audit.purpose." + code.replace(' ', '_').replace('-', '_');
	}

	public static Optional<ReadPurpose> ofCode(String code) {
		return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
	}

}
