package se.skyddsnat.region;

import java.time.LocalDate;

import se.skyddsnat.shared.InvalidInput;
import se.skyddsnat.shared.MunicipalityCode;

/**
 * A notice to a non-joined municipality that its residents were met; closed when it has
 * been informed.
 */
public record Notice(long id, long shiftId, LocalDate shiftDate, MunicipalityCode municipality, String municipalityName,
		int exposed, int buyers, int other, LocalDate informedOn, String informedHow, boolean historical) {

	public boolean open() {
		return informedOn == null;
	}

	public int total() {
		return exposed + buyers + other;
	}

	/**
	 * The notice closed: the municipality was informed on the day, in the way said. Only
	 * an open notice closes.
	 */
	public Notice informed(LocalDate on, String how) {
		if (!open()) {
			throw InvalidInput.of("id", "notice.error.notOpen");
		}
		return new Notice(id, shiftId, shiftDate, municipality, municipalityName, exposed, buyers, other, on, how,
				historical);
	}
}
