package se.skyddsnat.casework.referral;

/** What a referral's page sends with a transition: the summary and a manager's override reason (send), the reason (decline), a note (close). */
public class ReferralActionForm {
    private String summary;
    private String overrideReason;
    private String reason;
    private String note;

    public String getSummary() { return summary; }
    public void setSummary(String v) { summary = v; }
    public String getOverrideReason() { return overrideReason; }
    public void setOverrideReason(String v) { overrideReason = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
    public String getNote() { return note; }
    public void setNote(String v) { note = v; }
}
