package se.skyddsnat.followup.grant;

/** A grant as typed, and the date of an approval or a payment received. */
public class GrantForm {
    private String grantor;
    private String decidedOn;
    private String amount;
    private String purpose;
    private String from;
    private String to;
    private String positions;
    private String conditions;
    private String reportDue;
    private String withheldPercent = "20";
    private String date;

    public String getGrantor() { return grantor; }
    public void setGrantor(String v) { grantor = v; }
    public String getDecidedOn() { return decidedOn; }
    public void setDecidedOn(String v) { decidedOn = v; }
    public String getAmount() { return amount; }
    public void setAmount(String v) { amount = v; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String v) { purpose = v; }
    public String getFrom() { return from; }
    public void setFrom(String v) { from = v; }
    public String getTo() { return to; }
    public void setTo(String v) { to = v; }
    public String getPositions() { return positions; }
    public void setPositions(String v) { positions = v; }
    public String getConditions() { return conditions; }
    public void setConditions(String v) { conditions = v; }
    public String getReportDue() { return reportDue; }
    public void setReportDue(String v) { reportDue = v; }
    public String getWithheldPercent() { return withheldPercent; }
    public void setWithheldPercent(String v) { withheldPercent = v; }
    public String getDate() { return date; }
    public void setDate(String v) { date = v; }

    Grants.NewGrant grant() {
        return new Grants.NewGrant(grantor, decidedOn, amount, purpose, from, to, positions, conditions, reportDue,
                withheldPercent);
    }
}
