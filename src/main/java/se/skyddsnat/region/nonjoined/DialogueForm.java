package se.skyddsnat.region.nonjoined;

import lombok.Getter;
import lombok.Setter;
import se.skyddsnat.shared.Input;

/** A dialogue entry as typed in the form. */
@Getter
@Setter
public class DialogueForm {

	private String contactedOn;

	private String contact;

	private String outcome;

	NewDialogueEntry entry() {
		return new NewDialogueEntry(Input.readDate(contactedOn), contact, outcome);
	}

}
