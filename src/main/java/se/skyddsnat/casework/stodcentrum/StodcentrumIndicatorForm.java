package se.skyddsnat.casework.stodcentrum;

import lombok.Getter;
import lombok.Setter;

/**
 * The indicator page's period and suppression (query parameters). {@code suppress} is
 * null on a first visit (on) and false when the form was sent without the box ticked
 * (Spring's field marker {@code _suppress}).
 */
@Getter
@Setter
public class StodcentrumIndicatorForm {

	private String from;

	private String to;

	private Boolean suppress;

	public boolean suppressed() {
		return !Boolean.FALSE.equals(suppress);
	}

}
