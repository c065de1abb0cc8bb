package se.skyddsnat.region.consultation;

/** A consultation as typed in the form. */
public class ConsultationForm {

    private String date;
    private String municipality;
    private String unit;
    private String channel;
    private String topic;
    private String minutes;

    public String getDate() { return date; }
    public void setDate(String v) { date = v; }
    public String getMunicipality() { return municipality; }
    public void setMunicipality(String v) { municipality = v; }
    public String getUnit() { return unit; }
    public void setUnit(String v) { unit = v; }
    public String getChannel() { return channel; }
    public void setChannel(String v) { channel = v; }
    public String getTopic() { return topic; }
    public void setTopic(String v) { topic = v; }
    public String getMinutes() { return minutes; }
    public void setMinutes(String v) { minutes = v; }

    NewConsultation consultation() {
        return NewConsultation.read(date, municipality, unit, channel, topic, minutes);
    }
}
