package se.skyddsnat.region.consultation;

/** The consultation list's choice in the query string: a period (both dates inclusive) and optionally a municipality. */
public class ConsultationFilter {

    private String from;
    private String to;
    private String municipality;

    public String getFrom() { return from; }
    public void setFrom(String v) { from = v; }
    public String getTo() { return to; }
    public void setTo(String v) { to = v; }
    public String getMunicipality() { return municipality; }
    public void setMunicipality(String v) { municipality = v; }
}
