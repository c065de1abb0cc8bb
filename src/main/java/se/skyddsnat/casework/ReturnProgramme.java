package se.skyddsnat.casework;

import java.time.LocalDate;

/**
 * IOM's voluntary return programme: applied, the return date once known, and the follow-up that runs until
 * {@code followUpEnds} (the configured period, six months, after the return) and is then marked done.
 */
public record ReturnProgramme(long id, LocalDate appliedOn, LocalDate returnDate, LocalDate followUpEnds,
        LocalDate followUpDoneOn) {

    public boolean returned(LocalDate today) {
        return returnDate != null && !returnDate.isAfter(today);
    }

    public boolean followUpDone() {
        return followUpDoneOn != null;
    }

    /** The day the follow-up ends: the configured period after the return (null before a return date is known). */
    static LocalDate followUpEnds(LocalDate returnDate, java.time.Period followUp) {
        return returnDate == null ? null : returnDate.plus(followUp);
    }
}
