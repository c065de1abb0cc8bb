package se.skyddsnat.casework.journal;

import se.skyddsnat.shared.Code;

/** How a contact took place. */
public enum JournalChannel implements Code {

	IN_PERSON, PHONE, DIGITAL;

	public static JournalChannel of(String code) {
		return Code.of(JournalChannel.class, code);
	}

}
