package se.skyddsnat.region;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import se.skyddsnat.shared.MunicipalityCode;

/** What the rest of the system asks about municipalities. */
public interface Municipalities {

    /** All municipalities, by code. */
    List<Municipality> all();

    Optional<Municipality> find(MunicipalityCode code);

    /**
     * The municipality's status in the regional offer on a date. Until agreement history is
     * recorded, this is the reference status (the 2022 report) whatever the date.
     */
    Optional<RegionalOfferStatus> offerStatusOn(MunicipalityCode code, LocalDate date);
}
