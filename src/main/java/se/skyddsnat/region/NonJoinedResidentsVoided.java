package se.skyddsnat.region;

import java.time.LocalDate;

import se.skyddsnat.shared.MunicipalityCode;

/**
 * People counted in a shift's notices were recorded by mistake (published by outreach
 * when a shift or an encounter is voided). {@code municipality} null: the whole shift is
 * voided, and every notice of it is closed as "makulerad"; otherwise the municipality's
 * notice loses these counts, and is closed as "makulerad" when none are left.
 */
public record NonJoinedResidentsVoided(long shiftId, MunicipalityCode municipality, int exposed, int buyers, int other,
		LocalDate on, String by) {
}
