package se.skyddsnat.region.nonjoined;

import java.time.LocalDate;

import se.skyddsnat.shared.MunicipalityCode;

/**
 * One contact with a municipality outside the offer: who was contacted (a function such
 * as "socialchef", or an official's name: a professional contact, never a client), the
 * outcome, and who recorded it.
 */
public record DialogueEntry(long id, MunicipalityCode municipality, LocalDate contactedOn, String contact,
		String outcome, String recordedBy) {
}
