package se.skyddsnat.casework.stodcentrum;

/**
 * The indicator page's period and suppression (query parameters). {@code suppress} is null on a first visit (on) and
 * false when the form was sent without the box ticked (Spring's field marker {@code _suppress}).
 */
public class StodcentrumIndicatorForm {
    private String from;
    private String to;
    private Boolean suppress;

    public boolean suppressed() {
        return !Boolean.FALSE.equals(suppress);
    }

    public String getFrom() { return from; }
    public void setFrom(String v) { from = v; }
    public String getTo() { return to; }
    public void setTo(String v) { to = v; }
    public Boolean getSuppress() { return suppress; }
    public void setSuppress(Boolean v) { suppress = v; }
}
