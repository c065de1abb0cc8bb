package se.skyddsnat.region.nonjoined;

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
}
