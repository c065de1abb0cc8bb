package se.skyddsnat.region.meeting;

import java.util.Optional;
import se.skyddsnat.shared.Code;

/**
 * The steering group (styrgrupp) or the preparation group (beredningsgrupp) that reports
 * to it.
 */
public enum MeetingKind implements Code {

	STEERING, PREPARATION;

	/**
	 * The value for its code (lower case, as in forms and JSON); empty when the text is
	 * no code of it.
	 */
	public static Optional<MeetingKind> parse(String code) {
		return Optional.ofNullable(se.skyddsnat.shared.Input.codeOf(MeetingKind.class, code));
	}

}
