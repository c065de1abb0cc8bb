package se.skyddsnat.region.consultation;

import java.time.LocalDate;

import se.skyddsnat.shared.MunicipalityCode;
import se.skyddsnat.shared.UnitCode;

/**
 * A consultation in an individual case given by a unit to a professional of a
 * municipality. It holds no data about the client, only what was asked about (a
 * category), how, and for how long.
 */
public record Consultation(long id, LocalDate date, MunicipalityCode municipality, String municipalityName,
		UnitCode unit, ConsultationChannel channel, ConsultationTopic topic, int minutes) {
}
