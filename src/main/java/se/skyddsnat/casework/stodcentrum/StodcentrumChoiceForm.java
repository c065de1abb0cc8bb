package se.skyddsnat.casework.stodcentrum;

/** The choice after the last support talk, as typed on the case page. */
public class StodcentrumChoiceForm {
    private String choice;
    private String reason;
    private String closedOn;
    private String outcome;

    StodcentrumChoiceInput input() {
        return new StodcentrumChoiceInput(choice, reason, closedOn, outcome);
    }

    public String getChoice() { return choice; }
    public void setChoice(String v) { choice = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
    public String getClosedOn() { return closedOn; }
    public void setClosedOn(String v) { closedOn = v; }
    public String getOutcome() { return outcome; }
    public void setOutcome(String v) { outcome = v; }
}
