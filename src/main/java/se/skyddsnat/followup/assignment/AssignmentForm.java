package se.skyddsnat.followup.assignment;

/** An assignment (year, text, committee) or a status report (date, account, report) as typed. */
public class AssignmentForm {
    private String year;
    private String text;
    private String committee;
    private String date;
    private String account;
    private String report;

    public String getYear() { return year; }
    public void setYear(String v) { year = v; }
    public String getText() { return text; }
    public void setText(String v) { text = v; }
    public String getCommittee() { return committee; }
    public void setCommittee(String v) { committee = v; }
    public String getDate() { return date; }
    public void setDate(String v) { date = v; }
    public String getAccount() { return account; }
    public void setAccount(String v) { account = v; }
    public String getReport() { return report; }
    public void setReport(String v) { report = v; }
}
