package se.skyddsnat.region.consultation;

import java.time.LocalDate;

import se.skyddsnat.shared.Input;
import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;

/**
 * A consultation to log: when, for which municipality, by which unit, how, about what and
 * for how long. A value that was missing or unreadable is null, for
 * {@link ConsultationService#log} to name on its field.
 */
public record NewConsultation(LocalDate date, MunicipalityCode municipality, UnitCode unit, ConsultationChannel channel,
		ConsultationTopic topic, Integer minutes) {

	/**
	 * From the text of the form or of the API's JSON, read through {@link Input}: what
	 * cannot be read is null.
	 */
	static NewConsultation read(String date, String municipality, String unit, String channel, String topic,
			String minutes) {
		return new NewConsultation(Input.readDate(date), Input.readMunicipality(municipality), Input.readUnit(unit),
				Input.codeOf(ConsultationChannel.class, channel), Input.codeOf(ConsultationTopic.class, topic),
				Input.readInt(minutes));
	}
}
