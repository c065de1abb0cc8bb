package se.skyddsnat.casework.trafficking;

import java.time.LocalDate;

/**
 * IOM's voluntary return programme: applied, the return date once known, and the
 * follow-up that runs until {@code followUpEnds} (the configured period, six months,
 * after the return) and is then marked done.
 */
public record ReturnProgramme(long id, LocalDate appliedOn, LocalDate returnDate, LocalDate followUpEnds,
		LocalDate followUpDoneOn) {

	public boolean returned(LocalDate today) {
		return returnDate != null && !returnDate.isAfter(today);
	}

	public boolean followUpDone() {
		return followUpDoneOn != null;
	}

	/**
	 * The day the follow-up ends: the configured period after the return (null before a
	 * return date is known). A return date stored out of range before dates were bounded
	 * (PostgreSQL's {@code infinity}, read as {@link LocalDate#MAX}) has no end that can
	 * be computed: it is shown as that date, never an error.
	 */
	static LocalDate followUpEnds(LocalDate returnDate, java.time.Period followUp) {
		if (returnDate == null) {
			return null;
		}
		try {
			return returnDate.plus(followUp);
		}
		catch (java.time.DateTimeException e) {
			return LocalDate.MAX;
		}
	}
}
