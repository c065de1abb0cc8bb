package se.skyddsnat.region.consultation;

import java.time.LocalDate;

import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;
import se.skyddsnat.region.Consultations;

/**
 * A consultation as typed in the form or sent as JSON: text, parsed here once. Text that cannot be read
 * becomes null, which the service reports on its field.
 */
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

    LocalDate parsedDate() {
        return Input.readDate(date);
    }

    /** Reads the typed text once; what cannot be read goes on as null, for the service to name on its field. */
    long logWith(Consultations consultations) {
        Long n = Input.readWhole(minutes);
        return consultations.log(parsedDate(),
                MunicipalityCode.isValid(municipality) ? MunicipalityCode.of(municipality) : null,
                UnitCode.isValid(unit) ? UnitCode.of(unit) : null,
                ConsultationChannel.parse(channel).orElse(null),
                ConsultationTopic.parse(topic).orElse(null),
                n == null || n < Integer.MIN_VALUE || n > Integer.MAX_VALUE ? null : n.intValue());
    }
}
