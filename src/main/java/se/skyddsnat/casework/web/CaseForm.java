package se.skyddsnat.casework.web;

/** The new-case form as typed: the case and its first person (more are added on the case page). */
public class CaseForm {
    private String unit;
    private String kind;
    private String openedOn;
    private String reason;
    private Long personId;
    private String role = "exposed";
    private Long encounterId;

    public String getUnit() { return unit; }
    public void setUnit(String v) { unit = v; }
    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getOpenedOn() { return openedOn; }
    public void setOpenedOn(String v) { openedOn = v; }
    public String getReason() { return reason; }
    public void setReason(String v) { reason = v; }
    public Long getPersonId() { return personId; }
    public void setPersonId(Long v) { personId = v; }
    public String getRole() { return role; }
    public void setRole(String v) { role = v; }
    public Long getEncounterId() { return encounterId; }
    public void setEncounterId(Long v) { encounterId = v; }
}
