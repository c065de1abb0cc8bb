package se.skyddsnat.casework.core;

import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.experimental.Accessors;
import se.skyddsnat.shared.TextLimit;

/**
 * The longest text each case-work field takes: the form's maxlength, the service's check
 * and the column's size.
 */
@Getter
@Accessors(fluent = true)
@RequiredArgsConstructor
public enum CaseworkLimits implements TextLimit {

	PERSON_NAME(200, "casework.persons.name"), PERSON_ALIAS(100, "casework.persons.alias"),
	PERSON_PHONE(40, "casework.persons.phone"), PERSON_EMAIL(200, "casework.persons.email"),
	PERSON_ADDRESS(300, "casework.persons.address"),
	/** A search for a person: not stored, bounded all the same. */
	PERSON_SEARCH(200, null), CASE_RESPONSIBLE(64, "casework.cases.responsible"),
	CASE_REASON(1000, "casework.cases.reason"), CASE_CHANGE_REASON(1000, "casework.case_changes.reason"),
	CONSENT_WITHDRAW_REASON(500, "casework.consents.withdraw_reason"), TASK_DONE_TO(300, "casework.tasks.done_to"),
	EMERGENCY_REASON(500, "casework.emergency_access.reason"),
	/**
	 * Why a protected identity was shown: kept in the audit row's details
	 * (varchar(2000)), for the manager.
	 */
	REVEAL_REASON(200, null), EMERGENCY_REVIEW_NOTE(500, "casework.emergency_access.review_note"),
	/** A {@code text} column with {@code CHECK (length(note) <= 20000)}. */
	JOURNAL_NOTE(20_000, "casework.journal_entries.note"),
	STODCENTRUM_REASON(2000, "casework.stodcentrum_decisions.reason"), CONSENT_SCOPE(500, "casework.consents.scope"),
	REFERRAL_RECIPIENT(200, "casework.referrals.recipient_name"), REFERRAL_SUMMARY(4000, "casework.referrals.summary"),
	REFERRAL_DECLINE_REASON(1000, "casework.referrals.decline_reason"),
	REFERRAL_ANSWER(1000, "casework.referrals.answer_text"),
	REFERRAL_OVERRIDE_REASON(1000, "casework.referrals.override_reason"),
	/**
	 * The note of a referral's step (a close's note; a decline's or override's reason is
	 * kept there too).
	 */
	REFERRAL_NOTE(1000, "casework.referral_events.note"), HOUSING_PROVIDER(200, "casework.track_housing.provider"),
	TRACK_CONTACT_NOTE(1000, "casework.track_contacts.note"), TRACK_HOME_NOTE(1000, "casework.track_home_links.note");

	private final int max;

	private final String column;

}
