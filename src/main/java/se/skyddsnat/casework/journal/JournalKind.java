package se.skyddsnat.casework.journal;

import se.skyddsnat.shared.Code;

/** What a journal entry records: a contact or an intervention. */
public enum JournalKind implements Code {

	SUPPORT_TALK, COUNSELLING, MOTIVATIONAL_TALK, PRACTICAL_SUPPORT,
	/** accompaniment to a police interview or to court */
	ACCOMPANIMENT, MEDICAL_REFERRAL, CONSULTATION;

	public static JournalKind of(String code) {
		return Code.of(JournalKind.class, code);
	}

}
