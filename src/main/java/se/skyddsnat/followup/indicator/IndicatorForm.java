package se.skyddsnat.followup.indicator;

import lombok.Getter;
import lombok.Setter;

/**
 * The indicator pages' choice (period, suppression, breakdown) and the manual figure form
 * (value, source).
 */
@Getter
@Setter
public class IndicatorForm {

	private String from;

	private String to;

	private Boolean suppress;

	private String by;

	private String value;

	private String source;

	/** Suppression unless explicitly turned off. */
	public boolean suppressed() {
		return !Boolean.FALSE.equals(suppress);
	}

}
