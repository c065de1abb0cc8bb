package se.skyddsnat.region.meeting;

import java.util.ArrayList;
import java.util.List;

import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.MunicipalityCode;

/** A meeting as typed in the form: date, kind, the municipalities that took part (checkboxes), decisions. */
public class MeetingForm {

    private String date;
    private String kind;
    private List<String> municipalities = new ArrayList<>();
    private String decisions;

    public String getDate() { return date; }
    public void setDate(String v) { date = v; }
    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public List<String> getMunicipalities() { return municipalities; }
    public void setMunicipalities(List<String> v) { municipalities = v == null ? new ArrayList<>() : v; }
    public String getDecisions() { return decisions; }
    public void setDecisions(String v) { decisions = v; }

    long recordWith(Meetings meetings) {
        var codes = new ArrayList<MunicipalityCode>();
        for (String code : municipalities) {
            // an unreadable code goes on as null, for the service to report on the field
            codes.add(MunicipalityCode.isValid(code) ? MunicipalityCode.of(code) : null);
        }
        return meetings.record(Input.readDate(date), MeetingKind.parse(kind).orElse(null), codes, decisions);
    }
}
