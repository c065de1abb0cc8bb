package se.skyddsnat.region.agreement;

import java.util.ArrayList;
import java.util.List;

/** The municipality page's agreement forms (new, end, change of services), as typed. */
public class AgreementForm {
    private String startsOn;
    private String endsOn;
    private String from;
    private List<String> services = new ArrayList<>();
    private String note;

    public String getStartsOn() { return startsOn; }
    public void setStartsOn(String v) { startsOn = v; }
    public String getEndsOn() { return endsOn; }
    public void setEndsOn(String v) { endsOn = v; }
    public String getFrom() { return from; }
    public void setFrom(String v) { from = v; }
    public List<String> getServices() { return services; }
    public void setServices(List<String> v) { services = v == null ? new ArrayList<>() : v; }
    public String getNote() { return note; }
    public void setNote(String v) { note = v; }
}
