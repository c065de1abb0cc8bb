package se.skyddsnat.region.nonjoined;

import se.skyddsnat.shared.Input;

/** A dialogue entry as typed in the form. */
public class DialogueForm {

    private String contactedOn;
    private String contact;
    private String outcome;

    public String getContactedOn() { return contactedOn; }
    public void setContactedOn(String v) { contactedOn = v; }
    public String getContact() { return contact; }
    public void setContact(String v) { contact = v; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String v) { outcome = v; }

    NewDialogueEntry entry() {
        return new NewDialogueEntry(Input.readDate(contactedOn), contact, outcome);
    }
}
