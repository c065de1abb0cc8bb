package se.skyddsnat.region;

import java.time.LocalDate;

import se.skyddsnat.shared.MunicipalityCode;

/** A notice to a non-joined municipality that its residents were met; closed when it has been informed. */
public record Notice(long id, long shiftId, LocalDate shiftDate, MunicipalityCode municipality, String municipalityName,
        int exposed, int buyers, int other, LocalDate informedOn, String informedHow, boolean historical) {

    public boolean open() {
        return informedOn == null;
    }

    public int total() {
        return exposed + buyers + other;
    }
}
