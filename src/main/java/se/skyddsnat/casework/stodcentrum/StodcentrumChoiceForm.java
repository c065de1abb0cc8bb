package se.skyddsnat.casework.stodcentrum;

import lombok.Getter;
import lombok.Setter;

/** The choice after the last support talk, as typed on the case page. */
@Getter
@Setter
public class StodcentrumChoiceForm {

	private String choice;

	private String reason;

	private String closedOn;

	private String outcome;

	StodcentrumChoiceInput input() {
		return new StodcentrumChoiceInput(choice, reason, closedOn, outcome);
	}

}
