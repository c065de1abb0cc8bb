package se.skyddsnat.followup.indicator;

/** The indicator pages' choice (period, suppression, breakdown) and the manual figure form (value, source). */
public class IndicatorForm {
    private String from;
    private String to;
    private Boolean suppress;
    private String by;
    private String value;
    private String source;

    public String getFrom() { return from; }
    public void setFrom(String v) { from = v; }
    public String getTo() { return to; }
    public void setTo(String v) { to = v; }
    public Boolean getSuppress() { return suppress; }
    public void setSuppress(Boolean v) { suppress = v; }
    public String getBy() { return by; }
    public void setBy(String v) { by = v; }
    public String getValue() { return value; }
    public void setValue(String v) { value = v; }
    public String getSource() { return source; }
    public void setSource(String v) { source = v; }

    /** Suppression unless explicitly turned off. */
    public boolean suppressed() {
        return !Boolean.FALSE.equals(suppress);
    }
}
