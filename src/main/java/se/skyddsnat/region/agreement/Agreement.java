package se.skyddsnat.region.agreement;

import java.time.LocalDate;
import java.util.Set;

import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;

/**
 * One agreement period of a municipality. The start may be unknown ({@code startsOn}
 * null): the agreement is then only known to be in force from {@code knownFrom} (the 2022
 * report says "joined", not since when). {@code endsOn} is the last day in force, null
 * while the agreement runs.
 */
public record Agreement(long id, MunicipalityCode municipality, LocalDate startsOn, LocalDate knownFrom,
		LocalDate endsOn, Set<OfferService> services, String note, String recordedBy) {

	/** The first day the agreement is known to be in force. */
	public LocalDate firstKnownDay() {
		return startsOn != null ? startsOn : knownFrom;
	}

	public boolean startUnknown() {
		return startsOn == null;
	}

	public boolean open() {
		return endsOn == null;
	}

	/** Known to be in force on the date. */
	public boolean inForceOn(LocalDate date) {
		return !date.isBefore(firstKnownDay()) && (endsOn == null || !date.isAfter(endsOn));
	}

	/**
	 * Before the known part of an agreement whose start is unknown: it may already have
	 * been in force.
	 */
	public boolean possiblyInForceOn(LocalDate date) {
		return startUnknown() && date.isBefore(knownFrom);
	}

	/** In force on at least one day of the year. */
	public boolean inForceDuring(int year) {
		return firstKnownDay().getYear() <= year && (endsOn == null || endsOn.getYear() >= year);
	}

	/**
	 * In force on at least one day from {@code from} to {@code to} (null: with no end).
	 */
	public boolean overlaps(LocalDate from, LocalDate to) {
		return (endsOn == null || !endsOn.isBefore(from)) && (to == null || !to.isBefore(firstKnownDay()));
	}

	/**
	 * The agreement ended: {@code lastDay} is its last day in force (it may lie ahead: a
	 * notice of termination). Only an open agreement ends, and not before it started.
	 */
	public Agreement endedOn(LocalDate lastDay) {
		if (!open()) {
			throw InvalidInput.of("endsOn", "agreement.error.notOpen");
		}
		if (lastDay.isBefore(firstKnownDay())) {
			throw InvalidInput.of("endsOn", "agreement.error.endsBeforeStart");
		}
		return new Agreement(id, municipality, startsOn, knownFrom, lastDay, services, note, recordedBy);
	}
}
