package se.skyddsnat.region.consultation;

import lombok.Getter;
import lombok.Setter;

/** A consultation as typed in the form. */
@Getter
@Setter
public class ConsultationForm {

	private String date;

	private String municipality;

	private String unit;

	private String channel;

	private String topic;

	private String minutes;

	NewConsultation consultation() {
		return NewConsultation.read(date, municipality, unit, channel, topic, minutes);
	}

}
