package se.skyddsnat.region.consultation;

import java.util.Optional;
import se.skyddsnat.shared.Code;

/** How a consultation was given. Forms, JSON and message keys use the lower-case code. */
public enum ConsultationChannel implements Code {

	PHONE, DIGITAL, IN_PERSON;

	/**
	 * The value for its code (lower case, as in forms and JSON); empty when the text is
	 * no code of it.
	 */
	public static Optional<ConsultationChannel> parse(String code) {
		return Optional.ofNullable(se.skyddsnat.shared.Input.codeOf(ConsultationChannel.class, code));
	}

}
