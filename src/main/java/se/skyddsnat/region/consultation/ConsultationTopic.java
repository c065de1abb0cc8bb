package se.skyddsnat.region.consultation;

import java.util.Optional;
import se.skyddsnat.shared.Code;

/**
 * What a consultation was about, as a category only: the case itself is never described.
 */
public enum ConsultationTopic implements Code {

	TRAFFICKING_SUSPICION, MINOR, BUYER, OTHER;

	/**
	 * The value for its code (lower case, as in forms and JSON); empty when the text is
	 * no code of it.
	 */
	public static Optional<ConsultationTopic> parse(String code) {
		return Optional.ofNullable(se.skyddsnat.shared.Input.codeOf(ConsultationTopic.class, code));
	}

}
